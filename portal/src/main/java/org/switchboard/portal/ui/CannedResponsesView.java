package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.collaboration.CannedResponseRenderer;
import org.switchboard.portal.collaboration.CannedResponseView;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.collaboration.CollaborationException;

/**
 * Canned responses: every agent keeps their own; supervisors and admins also manage the shared ones. In the
 * composer, "/" and the shortcut insert one.
 */
@Route("canned-responses")
@PageTitle("Canned responses · Switchboard")
@RolesAllowed("AGENT")
public class CannedResponsesView extends VerticalLayout {

    final Grid<CannedResponseView> responses = new Grid<>();
    final TextField shortcut = new TextField("Shortcut");
    final TextField title = new TextField("Title");
    final TextArea body = new TextArea("Text");
    final Checkbox shared = new Checkbox("Shared with all agents");
    final Button save = new Button("Save");
    final Button clear = new Button("New response");
    final Button delete = new Button("Delete");
    private final CannedResponses canned;
    private final AgentView me;
    private CannedResponseView editing;

    CannedResponsesView(CannedResponses canned, CurrentAgent currentAgent) {
        this.canned = canned;
        this.me = currentAgent.get();
        setSizeFull();
        responses.setId("canned-responses");
        responses.addColumn(r -> "/" + r.shortcut()).setHeader("Shortcut").setAutoWidth(true);
        responses.addColumn(CannedResponseView::title).setHeader("Title").setFlexGrow(1);
        responses.addColumn(r -> r.shared() ? "shared" : "personal").setHeader("Scope").setAutoWidth(true);
        responses.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        responses.setHeight("40%");

        shortcut.setId("canned-shortcut");
        shortcut.setPrefixComponent(new com.vaadin.flow.component.html.Span("/"));
        shortcut.setHelperText("letters, digits, - and _; typed after / in the reply box");
        title.setId("canned-title");
        title.setWidthFull();
        body.setId("canned-body");
        body.setWidthFull();
        body.setMinHeight("10em");
        body.setHelperText("Variables: " + String.join(", ", CannedResponseRenderer.VARIABLES.entrySet().stream()
                .map(v -> "{{" + v.getKey() + "}} " + v.getValue()).toList())
                + ". A value the conversation lacks is left empty and pointed out to the agent.");
        shared.setId("canned-shared");
        shared.setVisible(CannedResponses.managesShared(me));
        save.setId("canned-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        clear.addClickListener(e -> {
            responses.asSingleSelect().clear();
            edit(null);
        });
        delete.setId("canned-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        add(new H3("Canned responses"), new Paragraph(CannedResponses.managesShared(me)
                        ? "Your own responses and the shared ones, which you manage for everyone."
                        : "Your own responses, and the shared ones your supervisors keep (read only)."),
                responses, new HorizontalLayout(shortcut, title), body, shared,
                new HorizontalLayout(save, clear, delete));
        refresh();
        edit(null);
    }

    private void edit(CannedResponseView response) {
        editing = response;
        shortcut.setValue(response == null ? "" : response.shortcut());
        title.setValue(response == null ? "" : response.title());
        body.setValue(response == null ? "" : response.body());
        shared.setValue(response != null && response.shared());
        boolean mine = response == null || (response.shared() ? CannedResponses.managesShared(me)
                : response.ownerAgentId() == me.id());
        shortcut.setReadOnly(!mine);
        title.setReadOnly(!mine);
        body.setReadOnly(!mine);
        shared.setReadOnly(response != null);
        save.setEnabled(mine);
        delete.setEnabled(response != null && mine);
    }

    void save() {
        try {
            CannedResponseView saved = editing == null
                    ? canned.create(me, shortcut.getValue(), title.getValue(), body.getValue(), shared.getValue())
                    : canned.update(me, editing.id(), shortcut.getValue(), title.getValue(), body.getValue());
            Notification.show("Saved /" + saved.shortcut());
            refresh();
            responses.asSingleSelect().clear();
        } catch (CollaborationException problem) {
            Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        try {
            canned.delete(me, editing.id());
            refresh();
            responses.asSingleSelect().clear();
        } catch (CollaborationException problem) {
            Notification.show(problem.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        responses.setItems(canned.visibleTo(me.id()));
    }
}
