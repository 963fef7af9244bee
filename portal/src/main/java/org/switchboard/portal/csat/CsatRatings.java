package org.switchboard.portal.csat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.conversation.ConversationQueries;

/** Reads surveys and ratings: for the conversation view, the customer 360, and dashboards. Never writes. */
@Service
@Transactional(readOnly = true)
public class CsatRatings {

    private final CsatSurveyRepository surveys;
    private final ConversationQueries queries;

    CsatRatings(CsatSurveyRepository surveys, ConversationQueries queries) {
        this.surveys = surveys;
        this.queries = queries;
    }

    /** The conversation's latest survey (of its latest resolution), whatever became of it. */
    public Optional<CsatSurveyView> latestOfConversation(long conversationId) {
        return surveys.findByConversationIdOrderByCreatedAtDescIdDesc(conversationId, Limit.of(1)).stream()
                .findFirst().map(CsatSurvey::view);
    }

    /**
     * A customer's latest ratings, newest first, across their conversations (those of customers merged into them
     * included, since merges move conversations).
     */
    public List<CsatSurveyView> latestRatingsOfCustomer(long customerId, int limit) {
        List<Long> conversations = queries.idsOfCustomers(List.of(customerId));
        if (conversations.isEmpty()) {
            return List.of();
        }
        return surveys.findByConversationsAndStatus(conversations, SurveyStatus.RATED, Limit.of(limit)).stream()
                .map(CsatSurvey::view).toList();
    }

    /**
     * For dashboards: every survey that went out in {@code [from, to)}, rated or not (the response rate is rated /
     * sent), oldest first, with its channel account, agent and team as at the resolution.
     */
    public List<CsatSurveyView> sentBetween(Instant from, Instant to) {
        return surveys.findSentBetween(from, to).stream().map(CsatSurvey::view).toList();
    }

    /** One survey. */
    public Optional<CsatSurveyView> survey(long surveyId) {
        return surveys.findById(surveyId).map(CsatSurvey::view);
    }
}
