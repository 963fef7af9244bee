package org.switchboard.portal.triage;

import java.util.Map;

/**
 * What is known about a customer message when it is triaged.
 *
 * @param intent     the intent label, or {@code null}
 * @param sentiment  the sentiment label, or {@code null}
 * @param channel    the connector id of the channel it came on, or {@code null}
 * @param attributes the customer's attributes
 */
public record TriageFacts(String intent, String sentiment, String channel, Map<String, String> attributes) {
}
