package org.switchboard.portal.outbound;

/**
 * A channel an agent can reply on: an account the customer has an identity for.
 *
 * @param channelAccountId the account
 * @param accountName      its name
 * @param lastUsed         the channel the customer wrote on last (the default)
 * @param window           whether free text may be sent there now
 */
public record ReplyChannelOption(String channelAccountId, String accountName, boolean lastUsed, ReplyWindow window) {

    /** How the picker shows it, e.g. "WhatsApp Support · +4915… (last used)". */
    public String label() {
        return accountName + " · " + window.target().identity().value() + (lastUsed ? " (last used)" : "")
                + (window.open() ? "" : " · templates only");
    }
}
