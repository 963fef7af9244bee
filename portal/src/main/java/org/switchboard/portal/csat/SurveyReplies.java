package org.switchboard.portal.csat;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.ResolvedCustomer;

/**
 * The customer's first message after a survey, on the channel it went to and within
 * {@link CsatProperties#replyWindow()}, answers the survey. A rating ("5", "4 👍 thanks") is stored with the
 * resolved conversation, which stays resolved; anything else is a reply to our last message, so it reopens the
 * surveyed conversation (as an email reply to it would), unless the customer has another open conversation, where
 * threading puts it as usual.
 */
@Service
public class SurveyReplies {

    private final CsatSurveyRepository surveys;
    private final ConversationQueries queries;
    private final ConversationStore store;
    private final RatingRecorder recorder;
    private final CsatProperties properties;
    private final Clock clock;

    SurveyReplies(CsatSurveyRepository surveys, ConversationQueries queries, ConversationStore store,
            RatingRecorder recorder, CsatProperties properties, Clock clock) {
        this.surveys = surveys;
        this.queries = queries;
        this.store = store;
        this.recorder = recorder;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the message if it answers a survey; in the ingest transaction. One indexed look-up per message when
     * no survey waits.
     *
     * @return whether the message was stored here; if not, the caller threads it as usual
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean capture(String accountId, ResolvedCustomer from, InboundMessage message) {
        Instant since = clock.instant().minus(properties.replyWindow());
        Optional<CsatSurvey> awaiting = surveys.findUnanswered(from.customer().getId(), accountId, SurveyStatus.SENT,
                since, Limit.of(1)).stream().findFirst().filter(this::stillAwaiting);
        if (awaiting.isEmpty()) {
            return false;
        }
        CsatSurvey survey = awaiting.get();
        Optional<CsatAnswer> answer = CsatParser.parse(message.text());
        if (answer.isPresent()) {
            Message stored = store.appendRating(survey.getConversationId(), accountId, from, message);
            recorder.record(survey, answer.get(), RatedVia.REPLY, stored.getId());
            return true;
        }
        if (hasOtherActiveConversation(from.customer().getId(), survey.getConversationId())) {
            return false;
        }
        store.appendInbound(accountId, from, intoConversation(message, survey.getConversationId()));
        return true;
    }

    /**
     * Of these customers, those whose next message may answer a survey (one query for a batch of messages); only
     * theirs need {@link #capture}. In the ingest transaction, before it writes anything (this does not flush).
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Set<Long> customersAwaitingAnswer(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(surveys.findCustomersWithUnanswered(customerIds, SurveyStatus.SENT.name(),
                clock.instant().minus(properties.replyWindow())));
    }

    /* Still resolved by the resolution it asks about, and the survey reached the customer (or may have). */
    private boolean stillAwaiting(CsatSurvey survey) {
        boolean sameResolution = queries.resolvedAt(survey.getConversationId())
                .filter(at -> at.equals(survey.getResolvedAt())).isPresent();
        if (!sameResolution || survey.getMessageId() == null) {
            return false;
        }
        return queries.message(survey.getMessageId()).map(MessageView::deliveryStatus)
                .filter(status -> status != DeliveryStatus.FAILED).isPresent();
    }

    private boolean hasOtherActiveConversation(long customerId, long surveyed) {
        List<ConversationSummary> conversations = queries.conversationsOf(customerId);
        return conversations.stream().anyMatch(c -> c.id() != surveyed && c.status().isActive());
    }

    /* The conversation id as a threading hint: honoured for the same customer only, and it reopens. */
    private static InboundMessage intoConversation(InboundMessage message, long conversationId) {
        ThreadingHints hints = message.threading();
        return new InboundMessage(message.externalId(), message.sender(), message.senderName(),
                message.otherIdentities(), message.text(), message.html(), message.attachments(), message.sentAt(),
                new ThreadingHints(hints.subject(), hints.messageId(), hints.inReplyTo(), hints.references(),
                        String.valueOf(conversationId)),
                message.metadata());
    }
}
