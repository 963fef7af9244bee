package org.switchboard.portal.channel.health;

import java.time.Duration;
import java.time.Instant;

/**
 * How one channel account is doing.
 *
 * @param accountId    the account
 * @param lastInbound  when its latest customer message arrived, or {@code null}
 * @param lastOutbound when its latest reply was accepted by the provider, or {@code null}
 * @param window       the period the error rate covers (ending now)
 * @param outbound     replies in the window whose delivery ended (sent, delivered, read or failed)
 * @param failed       of those, the ones that failed
 * @param check        the connector's own check
 */
public record AccountHealth(String accountId, Instant lastInbound, Instant lastOutbound, Duration window,
        long outbound, long failed, Check check) {

    /** The connector's view of its connection. */
    public enum Status {
        /** The connection reports itself healthy. */
        UP,
        /** The connection reports a problem. */
        DOWN,
        /** No connection: the account is disabled, its plugin is not running, or opening it failed. */
        UNAVAILABLE
    }

    /**
     * @param status what the check found
     * @param detail the connector's (or the host's) explanation, empty when there is none
     */
    public record Check(Status status, String detail) {
    }

    /** Failed among finished replies in the window, 0 to 1; 0 when there were none. */
    public double errorRate() {
        return outbound == 0 ? 0 : (double) failed / outbound;
    }

    /** One line for a grid cell, e.g. "UP · 2 % errors (1/50, 24 h)". */
    public String summary() {
        String rate = outbound == 0 ? "no replies" : Math.round(errorRate() * 100) + " % errors (" + failed + "/"
                + outbound + ")";
        return check.status() + " · " + rate + " in " + window.toHours() + " h";
    }
}
