package org.switchboard.portal.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from settings tables, kept for a short time. The node that changes a setting calls
 * {@link #invalidateAll()} after its commit (or {@link #invalidateAfterTransaction()} inside it) and sees the change
 * at once; another node of a cluster sees it within {@code timeToLive}.
 *
 * <p>A value loaded while an invalidation happened is not kept: the load may have read the rows from before the
 * change, and keeping it would hide the change until the entry expires.
 *
 * @param <K> what a value is looked up by
 * @param <V> the value, immutable
 */
public final class SettingsCache<K, V> {

    private final long timeToLiveNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public SettingsCache(Duration timeToLive) {
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    /** The cached value of {@code key}, or the loader's, which is kept unless the cache was invalidated meanwhile. */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < timeToLiveNanos) {
            return entry.value();
        }
        long before = generation.get();
        V value = loader.apply(key);
        if (generation.get() == before) {
            Entry<V> loaded = new Entry<>(value, now);
            entries.put(key, loaded);
            if (generation.get() != before) {
                entries.remove(key, loaded); // invalidated between the check and the put
            }
        }
        return value;
    }

    /** Forgets every value; call after the change has committed. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /**
     * Forgets every value once the current transaction has ended (at once when there is none). Forgetting earlier
     * would let a reader cache the rows from before the change again; forgetting after a rollback too drops what a
     * reader in that transaction may have cached of the change that did not happen.
     */
    public void invalidateAfterTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidateAll();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                invalidateAll();
            }
        });
    }

    private record Entry<V>(V value, long loadedAt) {
    }
}
