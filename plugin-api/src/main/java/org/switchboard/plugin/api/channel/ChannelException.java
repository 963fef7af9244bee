package org.switchboard.plugin.api.channel;

/**
 * A channel could not do what was asked for a reason an admin can act on (bad credentials, unreachable server).
 *
 * @since 0.1.0
 */
public class ChannelException extends Exception {

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
