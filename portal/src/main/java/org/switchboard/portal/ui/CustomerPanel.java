package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.customer.CustomerRecord;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customerdata.SourceRecords;

/**
 * The customer 360 panel: who they are on which channels, what agents keep about them (language, preferred
 * channel, tags, attributes, notes), likely duplicates and merges, their conversations, their records in other
 * systems (orders...), and one timeline of every message on every channel, newest first. Shown as its own page
 * and beside every conversation. Admins also export or erase the customer's data here.
 */
class CustomerPanel extends VerticalLayout {

    static final int TIMELINE_PAGE = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    final H3 name = new H3();
    final CustomerIdentityEditor identities;
    final CustomerRecordEditor record;
    final Div conversations = new Div();
    final Div sentiment = new Div();
    final CsatCustomerRatings ratings;
    final Div records = new Div();
    final Div timeline = new Div();
    final Button more = new Button("Older messages");
    final CustomerPrivacyActions privacy;
    private final CustomerPanels services;
    private final Map<String, String> channelNames;
    private long customerId;
    private MessageView lastShown;

    CustomerPanel(CustomerPanels services) {
        this.services = services;
        this.channelNames = services.channelNames();
        this.identities = new CustomerIdentityEditor(services.profiles, services.duplicates, services.merger,
                this::reload);
        this.record = new CustomerRecordEditor(services.profiles, channelNames, services.currentAgent::get,
                this::reload);
        this.privacy = new CustomerPrivacyActions(services.export, services.erasure, this::erased);
        this.ratings = new CsatCustomerRatings(services.csat);
        setPadding(false);
        addClassName("sb-customer-panel");
        conversations.setId("customer-conversations");
        records.setId("customer-records");
        timeline.setId("customer-timeline");
        more.setId("customer-timeline-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> showMore());
        sentiment.setId("customer-sentiment");
        add(name, identities, record, sentiment, new H4("Satisfaction ratings"), ratings, new H4("Conversations"),
                conversations, new H4("Orders and accounts"),
                records, new H4("Timeline, all channels"), timeline, more, privacy);
    }

    /** Shows a customer from the top; {@code false} when there is no such customer. */
    boolean show(long id) {
        CustomerProfile profile = services.profiles.profile(id).orElse(null);
        if (profile == null) {
            return false;
        }
        customerId = profile.id();
        showProfile(profile);
        showConversations();
        List<String> trend = services.queries.sentimentTrend(customerId, 10);
        sentiment.setText(trend.isEmpty() ? "" : "Sentiment, latest first: " + String.join(" · ", trend));
        sentiment.setVisible(!trend.isEmpty());
        ratings.show(customerId);
        showRecords(profile);
        timeline.removeAll();
        lastShown = null;
        showMore();
        privacy.show(customerId);
        return true;
    }

    String customerName() {
        return name.getText();
    }

    private void reload() {
        services.profiles.profile(customerId).ifPresent(this::showProfile);
    }

    private void erased() {
        removeAll();
        add(new H3("This customer's data was erased."));
    }

    private void showProfile(CustomerProfile profile) {
        customerId = profile.id();
        name.setText(profile.displayName() == null || profile.displayName().isBlank()
                ? "Customer #" + profile.id() : profile.displayName());
        identities.show(profile);
        record.show(profile);
    }

    private void showConversations() {
        conversations.removeAll();
        for (ConversationSummary c : services.queries.conversationsOf(customerId)) {
            RouterLink link = new RouterLink("#" + c.id() + " · " + c.status().name().toLowerCase() + " · "
                    + (c.assigneeName() == null ? "unassigned" : c.assigneeName()) + " · "
                    + channelNames.getOrDefault(c.channelAccountId(), "") + " · "
                    + (c.preview() == null ? "" : c.preview()), ConversationView.class, c.id());
            link.getElement().setAttribute("data-testid", "customer-conversation");
            conversations.add(new Div(link));
        }
    }

    private void showRecords(CustomerProfile profile) {
        records.removeAll();
        List<Identity> known = new ArrayList<>();
        profile.identities().forEach(i -> known.add(new Identity(new IdentityKind(i.kind()), i.value())));
        List<SourceRecords> answers = services.dataSources.lookup(profile.id(), profile.displayName(), known);
        if (answers.isEmpty()) {
            records.add(new Span("No customer data sources are configured."));
        }
        for (SourceRecords answer : answers) {
            if (answer.problem() != null) {
                Span problem = new Span(answer.sourceName() + ": " + answer.problem());
                problem.getStyle().set("color", "var(--lumo-error-text-color)");
                records.add(new Div(problem));
                continue;
            }
            if (answer.records().isEmpty()) {
                records.add(new Div(new Span(answer.sourceName() + ": nothing found")));
            }
            answer.records().forEach(r -> records.add(record(r)));
        }
    }

    private static Component record(CustomerRecord record) {
        Div row = new Div();
        row.getElement().setAttribute("data-testid", "customer-record");
        String amount = record.amount() == null ? "" : " · " + record.amount().toPlainString()
                + (record.currency() == null ? "" : " " + record.currency());
        Component title = record.link() == null ? new Span(record.title())
                : new Anchor(record.link().toString(), record.title());
        row.add(title, new Span(" — " + record.status() + amount));
        if (!record.details().isEmpty()) {
            Div details = new Div();
            details.getStyle().set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            details.setText(String.join(" · ", record.details().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList()));
            row.add(details);
        }
        return row;
    }

    private void showMore() {
        List<MessageView> page = services.queries.timeline(customerId, lastShown, TIMELINE_PAGE);
        for (MessageView message : page) {
            Div entry = new Div();
            entry.getElement().setAttribute("data-testid", "timeline-entry");
            String channel = message.channelAccountId() == null ? "note"
                    : channelNames.getOrDefault(message.channelAccountId(), "channel");
            entry.setText(TIME.format(message.createdAt()) + " · " + channel + " · "
                    + (message.authorName() == null ? "" : message.authorName() + ": ") + message.text());
            timeline.add(entry);
        }
        if (!page.isEmpty()) {
            lastShown = page.getLast();
        }
        more.setVisible(page.size() == TIMELINE_PAGE);
    }
}
