package org.switchboard.plugin.api.channel;

/**
 * Optional abilities of a channel. New constants may be added in minor versions; hosts treat unknown ones as
 * absent.
 *
 * @since 0.1.0
 */
public enum ChannelCapability {
    /** Messages may carry file attachments. */
    ATTACHMENTS,
    /** Messages may carry HTML (email). */
    RICH_TEXT,
    /** The provider reports delivery to the customer's device. */
    DELIVERY_RECEIPTS,
    /** The provider reports that the customer read a message. */
    READ_RECEIPTS,
    /** Outside the reply window only pre-approved templates may be sent (WhatsApp). */
    TEMPLATES,
    /** The customer sees replies while their client is open (web chat). */
    LIVE
}
