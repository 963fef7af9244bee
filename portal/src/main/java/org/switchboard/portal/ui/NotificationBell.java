package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.collaboration.AgentNotifications;
import org.switchboard.portal.collaboration.NotificationView;

/**
 * The bell in the top bar: how many notifications (mentions) the agent has not opened, updated live; a click lists
 * the latest, and opening one shows its conversation and marks it read.
 */
@Component
@Scope("prototype")
class NotificationBell extends Div {

    static final int LISTED = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    final Button bell = new Button(VaadinIcon.BELL.create());
    final Span count = new Span();
    final Popover popover = new Popover();
    final Div list = new Div();
    final Button markAllRead = new Button("Mark all read");
    final List<Button> entries = new ArrayList<>();
    private final AgentNotifications notifications;
    private final CurrentAgent currentAgent;
    private long agentId;
    private Runnable unsubscribe;

    NotificationBell(AgentNotifications notifications, CurrentAgent currentAgent) {
        this.notifications = notifications;
        this.currentAgent = currentAgent;
        setId("notification-bell");
        bell.setAriaLabel("Notifications");
        bell.setTooltipText("Notifications");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addClickListener(e -> showList());
        count.setId("notification-count");
        count.getStyle().set("margin-left", "-0.9em").set("background", "var(--lumo-error-color)")
                .set("color", "var(--lumo-error-contrast-color, white)").set("border-radius", "1em")
                .set("padding", "0 0.4em").set("font-size", "var(--lumo-font-size-xxs)").set("font-weight", "600")
                .set("vertical-align", "top");
        markAllRead.setId("notifications-mark-all-read");
        markAllRead.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        markAllRead.addClickListener(e -> {
            notifications.markAllRead(agentId);
            showCount();
            showList();
        });
        list.setId("notification-list");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("max-width", "28em")
                .set("max-height", "60vh").set("overflow", "auto");
        popover.add(markAllRead, list);
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        add(bell, count);
    }

    void showCount() {
        long unread = notifications.unreadCount(agentId);
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? "Notifications" : unread + " unread notifications");
    }

    void showList() {
        list.removeAll();
        entries.clear();
        List<NotificationView> latest = notifications.latest(agentId, LISTED);
        if (latest.isEmpty()) {
            list.add(new Span("Nothing yet. When a colleague mentions you in a note, it shows here."));
        }
        for (NotificationView notification : latest) {
            Button entry = new Button(notification.headline() + " · " + TIME.format(notification.createdAt())
                    + (notification.preview().isEmpty() ? "" : ": " + notification.preview()), e -> open(notification));
            entry.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            entry.getElement().setAttribute("data-testid", "notification");
            entry.getElement().setAttribute("data-read", Boolean.toString(notification.read()));
            entry.getStyle().set("font-weight", notification.read() ? "normal" : "600").set("height", "auto")
                    .set("white-space", "normal").set("text-align", "start");
            entries.add(entry);
            list.add(entry);
        }
    }

    private void open(NotificationView notification) {
        popover.close();
        notifications.open(notification.id(), agentId).ifPresent(conversation ->
                UI.getCurrent().navigate(ConversationView.class, conversation));
        showCount();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        agentId = currentAgent.get().id();
        showCount();
        UI ui = event.getUI();
        unsubscribe = notifications.subscribe(agentId, () -> ui.access(this::showCount));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
