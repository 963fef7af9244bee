package org.switchboard.portal.channel;

/** A channel account id that does not exist. */
public class UnknownChannelAccountException extends RuntimeException {

    public UnknownChannelAccountException(String accountId) {
        super("no channel account " + accountId);
    }
}
