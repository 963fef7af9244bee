package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.AttachmentView;
import org.switchboard.portal.conversation.ConversationDetail;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationRestructuring;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;

/**
 * A conversation's messages, oldest first, one bubble each: who wrote it on which channel and when, its delivery
 * status, its attachments (images previewed), private notes marked as such, and "Split from here" on every message
 * but the first. Text is shown as text, never as HTML.
 */
class MessageHistory extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final ConversationQueries queries;
    private final ChannelAccounts channels;
    private final ConversationRestructuring restructuring;
    private final CurrentAgent currentAgent;

    MessageHistory(ConversationQueries queries, ChannelAccounts channels, ConversationRestructuring restructuring,
            CurrentAgent currentAgent) {
        this.queries = queries;
        this.channels = channels;
        this.restructuring = restructuring;
        this.currentAgent = currentAgent;
        setId("conversation-history");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
    }

    /** Shows the conversation's messages as they are now; returns their ids. */
    Set<Long> show(long conversationId, ConversationDetail detail) {
        Map<String, String> channelNames = channels.list().stream().collect(Collectors.toMap(ChannelAccountView::id,
                ChannelAccountView::name));
        removeAll();
        boolean first = true;
        for (MessageView message : detail.messages()) {
            Div bubble = bubble(message, channelNames);
            if (!first) {
                bubble.add(splitButton(conversationId, message));
            }
            first = false;
            detail.attachmentsOf(message.id()).forEach(file -> bubble.add(attachment(file)));
            add(bubble);
        }
        return Set.copyOf(detail.messages().stream().map(MessageView::id).toList());
    }

    /** Marks the message (a search result pointed at it) and scrolls to it. */
    void focus(long messageId) {
        getChildren().filter(c -> c.getId().filter(("message-" + messageId)::equals).isPresent()).findFirst()
                .ifPresent(bubble -> {
                    bubble.addClassName("sb-message-focus");
                    bubble.getElement().getStyle().set("outline", "2px solid var(--lumo-primary-color)");
                    bubble.scrollIntoView();
                });
    }

    private Div bubble(MessageView message, Map<String, String> channelNames) {
        var bubble = new Div();
        bubble.addClassNames("sb-message", switch (message.direction()) {
            case IN -> "inbound";
            case OUT -> "outbound";
            default -> "note";
        });
        bubble.setId("message-" + message.id());
        bubble.getElement().setAttribute("data-testid", "message");
        bubble.getElement().setAttribute("data-direction", message.direction().name().toLowerCase());
        var meta = new Div();
        meta.addClassName("sb-message-meta");
        String channel = message.channelAccountId() == null ? ""
                : channelNames.getOrDefault(message.channelAccountId(), "channel");
        String delivery = message.deliveryStatus() == null ? "" : " · " + message.deliveryStatus().name()
                .toLowerCase() + (message.failureReason() == null ? "" : ": " + message.failureReason());
        meta.setText((message.authorName() == null ? "" : message.authorName() + " · ") + channel + " · "
                + TIME.format(message.createdAt()) + delivery);
        var text = new Div();
        text.setText(message.text()); // text, never HTML: sanitised HTML rendering comes with the email channel
        if (message.direction() == MessageDirection.NOTE) {
            // Unmistakably not sent: a labelled, dashed yellow box across the whole width.
            Span label = new Span("Private note");
            label.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
            meta.addComponentAsFirst(label);
            bubble.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)");
        }
        bubble.add(meta, text);
        return bubble;
    }

    private Button splitButton(long conversationId, MessageView message) {
        Button split = new Button("Split from here", e -> {
            try {
                long created = restructuring.split(conversationId, message.id(), currentAgent.get().id());
                Notification.show("Split into a new conversation");
                UI.getCurrent().navigate(ConversationView.class, created);
            } catch (ConversationOperationException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        split.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        split.addClassName("sb-split");
        split.getElement().setAttribute("data-testid", "split");
        return split;
    }

    private Component attachment(AttachmentView file) {
        DownloadHandler download = DownloadHandler.fromInputStream(event -> queries.attachment(file.id())
                .map(c -> new DownloadResponse(new ByteArrayInputStream(c.content()), c.fileName(),
                        c.contentType(), c.content().length))
                .orElseGet(() -> DownloadResponse.error(404)));
        Anchor link = new Anchor(download, file.fileName() + " (" + humanSize(file.sizeBytes()) + ")");
        link.getElement().setAttribute("data-testid", "attachment");
        if (!file.isImage()) {
            return link;
        }
        Image preview = new Image(download, file.fileName());
        preview.setMaxWidth("240px");
        preview.setMaxHeight("240px");
        return new Div(preview, new Div(link));
    }

    private static String humanSize(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
