package org.switchboard.plugin.api.ai;

import java.util.List;
import java.util.Objects;

/**
 * A conversation as models see it: every message across channels, oldest first.
 *
 * @param conversationId the host's id
 * @param subject        the subject, or {@code null}
 * @param channel        the connector id of the channel the customer used last
 * @param messages       the messages, oldest first (the host may cut very long histories to the latest ones)
 * @since 0.4.0 (incubating)
 */
public record ConversationSnapshot(String conversationId, String subject, String channel,
        List<SnapshotMessage> messages) {

    public ConversationSnapshot {
        Objects.requireNonNull(conversationId, "conversationId");
        messages = List.copyOf(messages);
    }

    /**
     * The customer's latest message, the one a model usually answers.
     *
     * @return its text, or {@code ""} when the customer has not written
     */
    public String lastCustomerText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author() == SnapshotMessage.Author.CUSTOMER) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
