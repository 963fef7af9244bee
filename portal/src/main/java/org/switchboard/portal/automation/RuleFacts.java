package org.switchboard.portal.automation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customer.CustomerProfiles;

/**
 * What rules look at for one job: the conversation as it is now (reloaded after a rule changed it, so later rules
 * see earlier rules' work, as in Chatwoot), the channel, the customer message's text and the customer's
 * attributes. The costlier facts are read only when a condition asks for them, once per job.
 */
final class RuleFacts {

    private final Reader reader;
    private final AutomationJob job;
    private ConversationSummary conversation;
    private String channelAccountId;
    private String connectorId;
    private boolean channelRead;
    private String text;
    private boolean textRead;
    private Map<String, String> attributes;

    private RuleFacts(Reader reader, AutomationJob job, ConversationSummary conversation) {
        this.reader = reader;
        this.job = job;
        this.conversation = conversation;
    }

    long conversationId() {
        return conversation.id();
    }

    ConversationSummary conversation() {
        return conversation;
    }

    /** Reads the conversation again after a rule changed it. */
    void refresh() {
        reader.summary(conversation.id()).ifPresent(c -> conversation = c);
    }

    /** The account the triggering message came on, else the one the customer wrote on last. */
    String channelAccountId() {
        readChannel();
        return channelAccountId;
    }

    /** That account's connector id (the kind of channel), or {@code null} when unknown. */
    String connectorId() {
        readChannel();
        return connectorId;
    }

    /** The triggering customer message's text, else the latest customer message's; empty when there is none. */
    String text() {
        if (!textRead) {
            text = job.messageId() != null ? reader.messageText(job.messageId())
                    : reader.latestCustomerText(conversation.id());
            textRead = true;
        }
        return text == null ? "" : text;
    }

    Map<String, String> attributes() {
        if (attributes == null) {
            attributes = reader.attributes(conversation.customerId());
        }
        return attributes;
    }

    private void readChannel() {
        if (!channelRead) {
            channelAccountId = job.accountId() != null ? job.accountId() : conversation.channelAccountId();
            connectorId = channelAccountId == null ? null
                    : reader.connectorOf(channelAccountId).orElse(null);
            channelRead = true;
        }
    }

    /** Reads facts through the owning packages' services. */
    @Component
    static class Reader {

        private final ConversationQueries queries;
        private final ChannelAccounts accounts;
        private final CustomerProfiles profiles;

        Reader(ConversationQueries queries, ChannelAccounts accounts, CustomerProfiles profiles) {
            this.queries = queries;
            this.accounts = accounts;
            this.profiles = profiles;
        }

        /** The facts of a job, empty when its conversation is gone. */
        Optional<RuleFacts> facts(AutomationJob job) {
            return summary(job.conversationId()).map(c -> new RuleFacts(this, job, c));
        }

        Optional<ConversationSummary> summary(long conversationId) {
            return queries.summaries(List.of(conversationId)).stream().findFirst();
        }

        Optional<String> connectorOf(String accountId) {
            return accounts.find(accountId).map(ChannelAccountView::connectorId);
        }

        String messageText(long messageId) {
            return queries.message(messageId).map(MessageView::text).orElse(null);
        }

        String latestCustomerText(long conversationId) {
            return queries.detail(conversationId).flatMap(d -> d.messages().stream()
                    .filter(m -> m.direction() == MessageDirection.IN)
                    .max(Comparator.comparing(MessageView::createdAt).thenComparing(MessageView::id)))
                    .map(MessageView::text).orElse(null);
        }

        Map<String, String> attributes(long customerId) {
            return profiles.profile(customerId).map(CustomerProfile::attributes).orElse(Map.of());
        }
    }
}
