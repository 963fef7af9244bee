package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.switchboard.portal.csat.CsatRatings;
import org.switchboard.portal.csat.CsatSurveyView;

/**
 * The conversation's satisfaction survey in one line beside its header: the customer's stars and comment, or that
 * a survey went out and waits, is scheduled, or why none was sent. Empty when there is no survey.
 */
class CsatLine extends Span {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final CsatRatings ratings;

    CsatLine(CsatRatings ratings) {
        this.ratings = ratings;
        setId("conversation-csat");
        getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    }

    /** Shows the conversation's latest survey as stored now. */
    void show(long conversationId) {
        CsatSurveyView survey = ratings.latestOfConversation(conversationId).orElse(null);
        setText(survey == null ? "" : describe(survey));
        setVisible(survey != null);
        if (survey != null && survey.rating() != null) {
            getElement().setAttribute("title", "Customer satisfaction: " + survey.rating() + " out of 5");
        }
    }

    static String describe(CsatSurveyView survey) {
        return switch (survey.status()) {
            case RATED -> "Rated " + stars(survey.rating()) + " " + survey.rating() + "/5"
                    + (survey.comment() == null ? "" : " “" + survey.comment() + "”") + " · by "
                    + survey.ratedVia().name().toLowerCase(Locale.ROOT) + ", " + TIME.format(survey.answeredAt());
            case SENT -> "Satisfaction survey sent " + TIME.format(survey.sentAt()) + ", no rating yet";
            case SCHEDULED -> "Satisfaction survey scheduled";
            case SKIPPED -> "No satisfaction survey: " + survey.skipReason();
        };
    }

    static String stars(int rating) {
        return "★".repeat(rating) + "☆".repeat(5 - rating);
    }
}
