package org.switchboard.portal.csat;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.conversation.ConflictRetry;

/** Ratings given on the signed rating page or with the web-chat widget's stars. */
@Service
class LinkRatings {

    /** What a link leads to. */
    enum State {
        /** The survey waits for a rating. */
        OPEN,
        /** Rated already (by any way): the page thanks and shows the rating. */
        RATED,
        /** The link's time is over. */
        EXPIRED,
        /** Forged, altered, or its survey is gone. */
        INVALID
    }

    /**
     * A link's survey as the page may show it.
     *
     * @param state  what the page shows
     * @param survey the survey (rated or open), else {@code null}
     */
    record Page(State state, CsatSurveyView survey) {
    }

    private final RatingLinks links;
    private final CsatSurveyRepository surveys;
    private final RatingRecorder recorder;
    private final TransactionTemplate transaction;

    LinkRatings(RatingLinks links, CsatSurveyRepository surveys, RatingRecorder recorder,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.surveys = surveys;
        this.recorder = recorder;
        this.transaction = new TransactionTemplate(transactions);
    }

    Page page(String token) {
        RatingLinks.Check check = links.check(token);
        if (check.outcome() == RatingLinks.Outcome.INVALID) {
            return new Page(State.INVALID, null);
        }
        CsatSurveyView survey = surveys.findById(check.surveyId()).map(CsatSurvey::view).orElse(null);
        if (survey == null || survey.status() == SurveyStatus.SCHEDULED || survey.status() == SurveyStatus.SKIPPED) {
            return new Page(State.INVALID, null);
        }
        if (survey.status() == SurveyStatus.RATED) {
            return new Page(State.RATED, survey);
        }
        return check.outcome() == RatingLinks.Outcome.EXPIRED ? new Page(State.EXPIRED, null)
                : new Page(State.OPEN, survey);
    }

    /**
     * Rates through a link; an answer for a survey rated already changes nothing and shows the first rating.
     *
     * @throws CsatException when the rating is not 1 to 5
     */
    Page rate(String token, int rating, String comment, RatedVia via) {
        Page page = page(token);
        if (page.state() != State.OPEN) {
            return page;
        }
        if (rating < 1 || rating > 5) {
            throw new CsatException("Choose 1 to 5 stars.");
        }
        CsatAnswer answer = new CsatAnswer(rating, comment);
        try {
            return ConflictRetry.retry(() -> transaction.execute(status -> {
                CsatSurvey survey = surveys.findById(page.survey().id()).orElseThrow();
                return new Page(State.RATED, recorder.record(survey, answer, via, null));
            }));
        } catch (SurveyAlreadyHandledException ratedMeanwhile) {
            return page(token);
        }
    }
}
