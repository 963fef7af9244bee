package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.routing.AgentAvailability;
import org.switchboard.portal.routing.Capacities;
import org.switchboard.portal.routing.RoutingException;

/** An admin sets how many open conversations of each channel kind the router gives one agent. */
final class CapacityDialog extends Dialog {

    final Map<String, IntegerField> limits = new LinkedHashMap<>();
    final Button save = new Button("Save");

    CapacityDialog(Capacities capacities, AgentAvailability agent) {
        setHeaderTitle("Capacity of " + agent.displayName());
        Map<String, Integer> current = capacities.of(agent.agentId());
        int fallback = capacities.defaultMaxOpen();
        VerticalLayout body = new VerticalLayout(new Paragraph("At most this many open conversations of each "
                + "channel are assigned to them automatically. Empty means the default (" + fallback + "); 0 means "
                + "none of that channel. People can still assign more by hand."));
        body.setPadding(false);
        TreeSet<String> kinds = new TreeSet<>(capacities.channelKinds());
        kinds.addAll(current.keySet());
        for (String kind : kinds) {
            IntegerField limit = new IntegerField(kind);
            limit.setId("capacity-" + kind);
            limit.setPlaceholder("default (" + fallback + ")");
            limit.setMin(0);
            limit.setMax(1000);
            limit.setStepButtonsVisible(true);
            limit.setValue(current.get(kind));
            limits.put(kind, limit);
            body.add(limit);
        }
        if (kinds.isEmpty()) {
            body.add(new Paragraph("There are no channel accounts yet."));
        }
        add(body);
        save.setId("save-capacity");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<String, Integer> values = new HashMap<>();
            limits.forEach((kind, field) -> values.put(kind, field.getValue()));
            try {
                capacities.set(agent.agentId(), values);
                close();
                Notification.show("Capacity saved");
            } catch (RoutingException | AccessDeniedException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
