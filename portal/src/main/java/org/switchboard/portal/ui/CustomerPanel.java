package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.CustomerCard;
import org.switchboard.portal.customer.NormalizedIdentity;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.customerdata.SourceRecords;

/**
 * The customer 360 panel: who they are on which channels, their conversations, their records in other systems
 * (orders...), and one timeline of every message on every channel, newest first. Shown as its own page and beside
 * every conversation.
 */
class CustomerPanel extends VerticalLayout {

    static final int TIMELINE_PAGE = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    final H3 name = new H3();
    final Div identities = new Div();
    final Div conversations = new Div();
    final Div records = new Div();
    final Div timeline = new Div();
    final Button more = new Button("Older messages");
    private final ConversationQueries queries;
    private final CustomerDataSources dataSources;
    private final Map<String, String> channelNames;
    private long customerId;
    private MessageView lastShown;

    CustomerPanel(ConversationQueries queries, CustomerDataSources dataSources, Map<String, String> channelNames) {
        this.queries = queries;
        this.dataSources = dataSources;
        this.channelNames = channelNames;
        setPadding(false);
        addClassName("sb-customer-panel");
        identities.setId("customer-identities");
        conversations.setId("customer-conversations");
        records.setId("customer-records");
        timeline.setId("customer-timeline");
        more.setId("customer-timeline-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> showMore());
        add(name, identities, new H4("Conversations"), conversations, new H4("Orders and accounts"), records,
                new H4("Timeline, all channels"), timeline, more);
    }

    /** Shows a customer from the top. */
    void show(CustomerCard card) {
        customerId = card.id();
        name.setText(card.name());
        identities.removeAll();
        card.identities().forEach(i -> identities.add(identityBadge(i)));
        showConversations();
        showRecords(card);
        timeline.removeAll();
        lastShown = null;
        showMore();
    }

    private void showConversations() {
        conversations.removeAll();
        for (ConversationSummary c : queries.conversationsOf(customerId)) {
            RouterLink link = new RouterLink("#" + c.id() + " · " + c.status().name().toLowerCase() + " · "
                    + channelNames.getOrDefault(c.channelAccountId(), "") + " · "
                    + (c.preview() == null ? "" : c.preview()), ConversationView.class, c.id());
            link.getElement().setAttribute("data-testid", "customer-conversation");
            conversations.add(new Div(link));
        }
    }

    private void showRecords(CustomerCard card) {
        records.removeAll();
        List<Identity> known = new ArrayList<>();
        card.identities().forEach(i -> known.add(new Identity(new IdentityKind(i.kind()), i.value())));
        List<SourceRecords> answers = dataSources.lookup(card.id(), card.displayName(), known);
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
        List<MessageView> page = queries.timeline(customerId, lastShown, TIMELINE_PAGE);
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

    private static Component identityBadge(NormalizedIdentity identity) {
        Icon icon = switch (identity.kind()) {
            case "email" -> VaadinIcon.ENVELOPE.create();
            case "phone" -> VaadinIcon.PHONE.create();
            case "webchat-visitor" -> VaadinIcon.CHAT.create();
            case "messenger-psid" -> VaadinIcon.FACEBOOK.create();
            case "instagram-igsid" -> VaadinIcon.CAMERA.create();
            case "telegram" -> VaadinIcon.PAPERPLANE.create();
            default -> VaadinIcon.CONNECT.create();
        };
        icon.setSize("var(--lumo-icon-size-s)");
        icon.setTooltipText(identity.kind());
        Span badge = new Span(icon, new Span(" " + identity.value()));
        badge.getElement().setAttribute("data-testid", "customer-identity");
        badge.getStyle().set("margin-right", "var(--lumo-space-m)");
        return badge;
    }
}
