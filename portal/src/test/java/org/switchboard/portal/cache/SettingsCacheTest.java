package org.switchboard.portal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SettingsCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void a_value_is_loaded_once_while_it_lives() {
        SettingsCache<String, String> cache = new SettingsCache<>(Duration.ofMinutes(1));

        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void an_expired_value_is_loaded_again() throws InterruptedException {
        SettingsCache<String, String> cache = new SettingsCache<>(Duration.ofMillis(20));
        cache.get("a", this::load);

        Thread.sleep(40);

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void invalidation_makes_the_next_read_load_again() {
        SettingsCache<String, String> cache = new SettingsCache<>(Duration.ofMinutes(1));
        cache.get("a", this::load);

        cache.invalidateAll();

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void a_value_loaded_while_an_invalidation_happened_is_returned_but_not_kept() {
        SettingsCache<String, String> cache = new SettingsCache<>(Duration.ofMinutes(1));

        // The loader read the rows from before a change that committed (and invalidated) while it ran.
        String stale = cache.get("a", key -> {
            String read = load(key);
            cache.invalidateAll();
            return read;
        });

        assertThat(stale).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void without_a_transaction_invalidate_after_transaction_forgets_at_once() {
        SettingsCache<String, String> cache = new SettingsCache<>(Duration.ofMinutes(1));
        cache.get("a", this::load);

        cache.invalidateAfterTransaction();

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }
}
