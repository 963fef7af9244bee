package org.switchboard.portal.channel.health;

/**
 * What happened to a test message.
 *
 * @param sent       whether the provider accepted it
 * @param externalId the provider's id of the message when sent, or empty
 * @param reason     why it failed, or empty
 */
public record TestMessageResult(boolean sent, String externalId, String reason) {

    /** "Sent (id …)" or "Failed: reason". */
    public String summary() {
        return sent ? "Sent" + (externalId.isEmpty() ? "" : " (provider id " + externalId + ")") : "Failed: " + reason;
    }
}
