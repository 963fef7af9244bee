package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.switchboard.portal.csat.CsatRatings;
import org.switchboard.portal.csat.CsatSurveyView;

/** The customer 360's latest satisfaction ratings, newest first, each linking to its conversation. */
class CsatCustomerRatings extends Div {

    static final int SHOWN = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final CsatRatings ratings;

    CsatCustomerRatings(CsatRatings ratings) {
        this.ratings = ratings;
        setId("customer-csat");
    }

    void show(long customerId) {
        removeAll();
        List<CsatSurveyView> latest = ratings.latestRatingsOfCustomer(customerId, SHOWN);
        if (latest.isEmpty()) {
            add(new Div("No ratings yet."));
            return;
        }
        for (CsatSurveyView rating : latest) {
            RouterLink link = new RouterLink(CsatLine.stars(rating.rating()) + " " + rating.rating() + "/5 · "
                    + DAY.format(rating.answeredAt()) + " · #" + rating.conversationId()
                    + (rating.comment() == null ? "" : " · “" + rating.comment() + "”"), ConversationView.class,
                    rating.conversationId());
            link.getElement().setAttribute("data-testid", "customer-rating");
            add(new Div(link));
        }
    }
}
