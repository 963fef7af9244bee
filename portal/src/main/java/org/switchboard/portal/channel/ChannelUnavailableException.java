package org.switchboard.portal.channel;

/** The account exists but cannot be used right now (disabled, plugin not running, connection failed to open). */
public class ChannelUnavailableException extends RuntimeException {

    public ChannelUnavailableException(String message) {
        super(message);
    }

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
