package org.switchboard.portal.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.portal.conversation.ConversationChanged;

/**
 * Tells subscribed views about conversation changes once they are committed, on a separate thread so a slow view
 * never delays the transaction that caused the change.
 */
@Component
public class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Set<Consumer<ConversationChanged>> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();

    /** Subscribes; run the returned handle to unsubscribe (views do so when detached). */
    public Runnable subscribe(Consumer<ConversationChanged> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(ConversationChanged change) {
        for (Consumer<ConversationChanged> subscriber : subscribers) {
            fanOut.execute(() -> {
                try {
                    subscriber.accept(change);
                } catch (RuntimeException e) {
                    log.debug("Live update subscriber failed", e);
                }
            });
        }
    }

    @Override
    public void destroy() {
        fanOut.shutdownNow();
    }
}
