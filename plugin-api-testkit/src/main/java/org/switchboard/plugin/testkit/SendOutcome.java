package org.switchboard.plugin.testkit;

/** What the provider answers to the next send, as arranged by {@link ChannelScenario#arrangeSend}. */
public enum SendOutcome {
    /** Accepted: the connector must return {@code Sent} with the provider's message id. */
    ACCEPTED,
    /** Rate-limited or a server error (429/5xx or the protocol's equivalent): {@code Failed}, retryable. */
    RETRYABLE,
    /** Refused for good (a 4xx, an invalid recipient): {@code Failed}, not retryable, with the provider's reason. */
    PERMANENT
}
