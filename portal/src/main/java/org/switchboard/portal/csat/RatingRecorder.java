package org.switchboard.portal.csat;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.conversation.ConversationChanged;
import org.switchboard.portal.conversation.ConversationEventType;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationWorkflow;

/**
 * Stores a rating however it came (reply, link, widget): on the survey, as a CSAT_RATED conversation event (which
 * automation rules can react to), and as a change live views show.
 */
@Component
class RatingRecorder {

    private final CsatSurveyRepository surveys;
    private final ConversationWorkflow workflow;
    private final ConversationQueries queries;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RatingRecorder(CsatSurveyRepository surveys, ConversationWorkflow workflow, ConversationQueries queries,
            ApplicationEventPublisher publisher, Clock clock) {
        this.surveys = surveys;
        this.workflow = workflow;
        this.queries = queries;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Rates the survey in the caller's transaction.
     *
     * @throws SurveyAlreadyHandledException when it is rated already (or was never sent)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    CsatSurveyView record(CsatSurvey survey, CsatAnswer answer, RatedVia via, Long answerMessageId) {
        survey.rate(answer, via, answerMessageId, clock.instant());
        surveys.saveAndFlush(survey);
        long conversationId = survey.getConversationId();
        workflow.recordEvent(conversationId, ConversationEventType.CSAT_RATED, null, answer.rating() + "/5 by "
                + via.name().toLowerCase(Locale.ROOT) + ", survey #" + survey.getId());
        long customerId = queries.summaries(List.of(conversationId)).stream().findFirst()
                .map(s -> s.customerId()).orElse(survey.getCustomerId());
        publisher.publishEvent(new ConversationChanged(conversationId, customerId, ConversationChanged.Change.STATUS));
        return survey.view();
    }
}
