package org.switchboard.portal.conversation;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Writes to a conversation meet the version check when someone else changed it first (a customer's message
 * arriving while an agent replies, the assistant's decision beside either). Such a write is simply done again on
 * the fresh row, a few times at most.
 */
public final class ConflictRetry {

    static final int ATTEMPTS = 3;

    private ConflictRetry() {
    }

    /** Runs {@code write} (its own transaction) again after a concurrent change, up to three times in all. */
    public static <T> T retry(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (ConcurrencyFailureException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    /** As {@link #retry(Supplier)}, for writes without a result. */
    public static void retry(Runnable write) {
        retry(() -> {
            write.run();
            return null;
        });
    }
}
