package org.switchboard.portal.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.portal.customer.Customer;

/**
 * Picks the conversation an inbound message belongs to: the provider's threading hints first (an email that
 * answers one of ours), else the customer's unresolved conversation on any channel within the window, else a new
 * conversation.
 */
@Component
class ConversationThreader {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ThreadingProperties properties;

    ConversationThreader(ConversationRepository conversations, MessageRepository messages,
            ThreadingProperties properties) {
        this.conversations = conversations;
        this.messages = messages;
        this.properties = properties;
    }

    /** The outcome: the conversation, and whether it is new or was reopened. */
    record Threading(Conversation conversation, boolean created, boolean reopened) {
    }

    Threading thread(Customer customer, String accountId, ThreadingHints hints, Instant now,
            ActiveConversations known) {
        Optional<Conversation> byHints = byProviderHints(customer, accountId, hints);
        if (byHints.isPresent()) {
            Conversation conversation = byHints.get();
            boolean reopened = !conversation.getStatus().isActive();
            if (reopened) {
                conversation.reopen();
            }
            return new Threading(conversation, false, reopened);
        }
        Optional<Conversation> active = known.covers(customer.getId()) ? known.of(customer.getId())
                : conversations.findActiveByCustomer(customer.getId(), Limit.of(1)).stream().findFirst();
        if (active.isPresent() && active.get().getLastActivityAt().isAfter(now.minus(properties.window()))) {
            return new Threading(active.get(), false, false);
        }
        Conversation created = conversations.save(new Conversation(customer, accountId, subjectOf(hints), now));
        return new Threading(created, true, false);
    }

    private Optional<Conversation> byProviderHints(Customer customer, String accountId, ThreadingHints hints) {
        Optional<Conversation> byHeaders = byMessageIds(customer, accountId, hints);
        return byHeaders.isPresent() ? byHeaders : byConversationToken(customer, hints);
    }

    /** A conversation id the connector found in the message (an email subject token), honoured for its owner only. */
    private Optional<Conversation> byConversationToken(Customer customer, ThreadingHints hints) {
        if (hints.conversationId() == null || !hints.conversationId().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return conversations.findById(Long.parseLong(hints.conversationId()))
                .filter(c -> c.getCustomer().getId().equals(customer.getId()));
    }

    private Optional<Conversation> byMessageIds(Customer customer, String accountId, ThreadingHints hints) {
        List<String> ids = new ArrayList<>(hints.references());
        if (hints.inReplyTo() != null) {
            ids.add(hints.inReplyTo());
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // Only a conversation of the same customer: a forged In-Reply-To must not let a stranger into a thread.
        return messages.findByExternalIds(accountId, ids).stream()
                .map(Message::getConversation)
                .filter(c -> c.getCustomer().getId().equals(customer.getId()))
                .findFirst();
    }

    private static String subjectOf(ThreadingHints hints) {
        String subject = hints.subject();
        if (subject == null || subject.isBlank()) {
            return null;
        }
        return subject.length() > 500 ? subject.substring(0, 500) : subject.strip();
    }
}
