package org.switchboard.portal.customer;

/**
 * The channel account to reach a customer on by default.
 *
 * @param channelAccountId the channel account
 * @param source           whether an agent set it or it was learned from the customer's recent messages
 */
public record PreferredChannel(String channelAccountId, Source source) {

    /** Where a preferred channel comes from. */
    public enum Source {
        /** Set by an agent. */
        EXPLICIT,
        /** The account the customer sent most inbound messages to in the last 30 days. */
        LEARNED
    }
}
