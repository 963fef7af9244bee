package org.switchboard.portal.csat;

/** A survey moved on meanwhile (sent by another worker, rated by another answer, skipped): nothing to do. */
class SurveyAlreadyHandledException extends CsatException {

    private final SurveyStatus status;

    SurveyAlreadyHandledException(Long surveyId, SurveyStatus status) {
        super("survey #" + surveyId + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + " already");
        this.status = status;
    }

    SurveyStatus status() {
        return status;
    }
}
