package org.switchboard.portal.automation;

/**
 * A value a channel condition can compare with.
 *
 * @param value a connector id (every account of that kind, e.g. {@code whatsapp}) or one account's id
 * @param label what the form shows
 */
public record ChannelChoice(String value, String label) {
}
