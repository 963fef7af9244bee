package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Supplier;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.inbox.BulkAction;
import org.switchboard.portal.inbox.BulkActions;
import org.switchboard.portal.inbox.BulkResult;
import org.switchboard.portal.inbox.InboxChoices;

/** Actions on the selected conversations: assign, label, change status, resolve. Shown while rows are selected. */
class InboxBulkBar extends HorizontalLayout {

    final Span selected = new Span();
    final Button assignToMe = new Button("Assign to me");
    final ComboBox<InboxChoices.Choice> assignTo = new ComboBox<>();
    final TextField label = new TextField();
    final Button addLabel = new Button("Add label");
    final Select<ConversationStatus> status = new Select<>();
    final Button resolve = new Button("Resolve");
    private final BulkActions actions;
    private final AgentView me;
    private final Supplier<List<Long>> selection;
    private final Runnable afterwards;

    InboxBulkBar(BulkActions actions, InboxChoices choices, AgentView me, Supplier<List<Long>> selection,
            Runnable afterwards) {
        this.actions = actions;
        this.me = me;
        this.selection = selection;
        this.afterwards = afterwards;
        setId("inbox-bulk");
        setAlignItems(Alignment.BASELINE);
        assignToMe.addClickListener(e -> run(new BulkAction.Assign(me.id())));
        assignTo.setPlaceholder("Assign to…");
        assignTo.setAriaLabel("Assign to");
        assignTo.setItems(choices.agents());
        assignTo.setItemLabelGenerator(InboxChoices.Choice::name);
        assignTo.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                run(new BulkAction.Assign(e.getValue().id()));
                assignTo.clear();
            }
        });
        label.setPlaceholder("label");
        label.setAriaLabel("Label");
        addLabel.addClickListener(e -> addLabel());
        status.setPlaceholder("Set status…");
        status.setAriaLabel("Set status");
        status.setItems(ConversationStatus.OPEN, ConversationStatus.PENDING, ConversationStatus.RESOLVED);
        status.setItemLabelGenerator(s -> s == null ? "" : s.name().toLowerCase());
        status.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                run(new BulkAction.ChangeStatus(e.getValue()));
                status.clear();
            }
        });
        resolve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        resolve.addClickListener(e -> run(new BulkAction.ChangeStatus(ConversationStatus.RESOLVED)));
        add(selected, assignToMe, assignTo, label, addLabel, status, resolve);
        setVisible(false);
    }

    void selectionChanged(int count) {
        setVisible(count > 0);
        selected.setText(count + " selected");
    }

    private void addLabel() {
        try {
            String normalized = ConversationWorkflow.normalizeLabel(label.getValue());
            label.setInvalid(false);
            run(new BulkAction.AddLabel(normalized));
            label.clear();
        } catch (ConversationOperationException bad) {
            label.setInvalid(true);
            label.setErrorMessage(bad.getMessage());
        }
    }

    /** Applies the action to the selection and says what happened, including what could not be changed. */
    void run(BulkAction action) {
        BulkResult result = actions.apply(selection.get(), action, me);
        if (result.failed().isEmpty()) {
            Notification.show(result.changed() + " conversation" + (result.changed() == 1 ? "" : "s") + " changed")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(result.changed() + " changed; " + result.failed().size() + " not: "
                    + result.failed().entrySet().stream().limit(3).map(e -> "#" + e.getKey() + " " + e.getValue())
                            .toList()).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        afterwards.run();
    }
}
