package org.switchboard.plugin.api.config;

import java.util.Map;
import java.util.Optional;

/**
 * The values of one account's configuration, secrets decrypted.
 *
 * @param values the values by field key
 * @since 0.1.0
 */
public record ChannelConfig(Map<String, String> values) {

    public ChannelConfig {
        values = Map.copyOf(values);
    }

    /** The value of a key, if set and not blank. */
    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The value of a key; throws {@link IllegalStateException} naming the key when it is missing. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("configuration value missing: " + key));
    }

    /** Never prints values: they may be secrets. */
    @Override
    public String toString() {
        return "ChannelConfig" + values.keySet();
    }
}
