package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.di.Instantiator;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.routing.Availability;
import org.switchboard.portal.routing.AvailabilityStatus;
import org.switchboard.portal.routing.RoutingException;

/**
 * The signed-in agent's availability in the navbar: Online (gets new conversations), Away (keeps theirs, gets no
 * new ones), Offline. Follows changes made elsewhere (another tab, the session ending) while it is shown.
 */
public class AvailabilityMenu extends Composite<Select<AvailabilityStatus>> {

    final Select<AvailabilityStatus> status = new Select<>();
    private final Availability availability;
    private final long agentId;
    private final Span dot = new Span();
    private boolean showing;
    private Runnable unsubscribe;

    AvailabilityMenu(Availability availability, CurrentAgent currentAgent) {
        this.availability = availability;
        this.agentId = currentAgent.get().id();
        status.setId("availability");
        status.setAriaLabel("Your availability");
        status.setItems(AvailabilityStatus.values());
        status.setItemLabelGenerator(AvailabilityStatus::label);
        status.setPrefixComponent(dot);
        status.setWidth("9.5em");
        show(availability.of(agentId));
        status.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                choose(e.getValue(), e.getOldValue());
            }
        });
    }

    /** Made with the UI's instantiator, so the layout can add it in one line without knowing its services. */
    public static AvailabilityMenu create() {
        return Instantiator.get(UI.getCurrent()).getOrCreate(AvailabilityMenu.class);
    }

    @Override
    protected Select<AvailabilityStatus> initContent() {
        return status;
    }

    private void choose(AvailabilityStatus chosen, AvailabilityStatus before) {
        try {
            availability.choose(agentId, chosen);
            show(chosen);
        } catch (RoutingException | org.springframework.security.access.AccessDeniedException problem) {
            show(before);
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void show(AvailabilityStatus value) {
        showing = true;
        try {
            status.setValue(value);
            dot(dot, value);
        } finally {
            showing = false;
        }
    }

    /** A coloured dot for an availability (green online, amber away, grey offline). */
    static Span dot(Span span, AvailabilityStatus value) {
        span.getStyle().set("display", "inline-block").set("width", "0.6em").set("height", "0.6em")
                .set("border-radius", "50%").set("margin-right", "0.3em")
                .set("background", switch (value) {
                    case ONLINE -> "var(--lumo-success-color, #2e7d32)";
                    case AWAY -> "var(--lumo-warning-color, #f9a825)";
                    case OFFLINE -> "var(--lumo-contrast-30pct, #9e9e9e)";
                });
        span.getElement().setAttribute("title", value.label());
        return span;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = availability.subscribe(change -> {
            if (change.agentId() == agentId) {
                ui.access(() -> show(change.status()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }
}
