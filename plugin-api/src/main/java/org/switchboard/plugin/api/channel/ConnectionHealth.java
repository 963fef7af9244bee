package org.switchboard.plugin.api.channel;

/**
 * A connection's health as reported by its plugin.
 *
 * @param healthy whether the connection can currently receive and send
 * @param detail  a short human-readable explanation, empty when healthy
 * @since 0.1.0
 */
public record ConnectionHealth(boolean healthy, String detail) {

    public static ConnectionHealth ok() {
        return new ConnectionHealth(true, "");
    }

    public static ConnectionHealth unhealthy(String detail) {
        return new ConnectionHealth(false, detail);
    }
}
