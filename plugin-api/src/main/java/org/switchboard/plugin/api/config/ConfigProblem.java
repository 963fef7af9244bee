package org.switchboard.plugin.api.config;

/**
 * A validation message for one field (or the whole form when {@code key} is {@code null}).
 *
 * @param key     the field's key, or {@code null}
 * @param message what is wrong, for the admin
 * @since 0.1.0
 */
public record ConfigProblem(String key, String message) {
}
