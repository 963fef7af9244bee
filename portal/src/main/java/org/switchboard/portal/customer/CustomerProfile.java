package org.switchboard.portal.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the customer record holds about one customer, as the customer 360 view shows it.
 *
 * @param id               the customer id (the survivor's, when asked for a merged customer's id)
 * @param displayName      name, or null when never told
 * @param language         BCP 47 tag, or null
 * @param createdAt        when the customer was first seen
 * @param identities       identities, oldest first
 * @param tags             tags, alphabetical
 * @param notes            agents' notes, newest first
 * @param attributes       custom attribute values by attribute key (canonical text form)
 * @param preferredChannel the explicit or learned preferred channel, if any
 * @param events           the record's history (identities added by hand, merges), newest first
 */
public record CustomerProfile(long id, String displayName, String language, Instant createdAt,
        List<Identity> identities, List<String> tags, List<Note> notes, Map<String, String> attributes,
        Optional<PreferredChannel> preferredChannel, List<Event> events) {

    /**
     * One identity of the customer.
     *
     * @param id      identity id
     * @param kind    identity kind id ({@code email}, {@code phone}, {@code webchat-visitor}, …)
     * @param value   normalised value
     * @param addedAt when it was linked
     */
    public record Identity(long id, String kind, String value, Instant addedAt) {
    }

    /**
     * A note an agent wrote.
     *
     * @param id            note id
     * @param authorAgentId the author's agent id (null when the agent was deleted)
     * @param authorName    the author's name at the time
     * @param text          the note
     * @param createdAt     when
     */
    public record Note(long id, Long authorAgentId, String authorName, String text, Instant createdAt) {
    }

    /**
     * A fact about the customer record.
     *
     * @param type       what happened
     * @param occurredAt when
     * @param actor      who did it
     * @param detail     ids and counts, never personal data
     */
    public record Event(CustomerEventType type, Instant occurredAt, String actor, String detail) {
    }
}
