package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.inbox.InboxChoices;

/**
 * The conversation's workflow controls: status, snooze, priority, labels, and transfer to a team or agent with a
 * note. Each change is saved at once (retried on a concurrent change) and recorded as an event.
 */
class ConversationActions extends HorizontalLayout {

    final Select<ConversationStatus> status = new Select<>();
    final MenuBar snooze = new MenuBar();
    final Select<Priority> priority = new Select<>();
    final MultiSelectComboBox<String> labels = new MultiSelectComboBox<>();
    final Button transfer = new Button("Transfer…");
    private final ConversationWorkflow workflow;
    private final ConversationStore store;
    private final InboxChoices choices;
    private final CurrentAgent currentAgent;
    private final org.switchboard.portal.collaboration.PrivateNotes notes;
    private final Clock clock;
    private final Runnable afterChange;
    private final ZoneId zone = ZoneId.systemDefault();
    private long conversationId;
    private boolean showing;

    ConversationActions(ConversationWorkflow workflow, ConversationStore store, InboxChoices choices,
            org.switchboard.portal.collaboration.PrivateNotes notes, CurrentAgent currentAgent, Clock clock,
            Runnable afterChange) {
        this.notes = notes;
        this.workflow = workflow;
        this.store = store;
        this.choices = choices;
        this.currentAgent = currentAgent;
        this.clock = clock;
        this.afterChange = afterChange;
        setId("conversation-actions");
        setAlignItems(Alignment.BASELINE);
        setWrap(true);

        status.setAriaLabel("Status");
        status.setId("conversation-status-select");
        status.setItems(ConversationStatus.OPEN, ConversationStatus.PENDING, ConversationStatus.RESOLVED);
        status.setItemLabelGenerator(s -> s == null ? "" : s == ConversationStatus.SNOOZED ? "snoozed"
                : s.name().toLowerCase());
        status.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                save(() -> store.changeStatus(conversationId, e.getValue(), me()));
            }
        });

        snooze.setId("conversation-snooze");
        snooze.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem menu = snooze.addItem("Snooze");
        var options = menu.getSubMenu();
        options.addItem("For 1 hour", e -> snoozeUntil(clock.instant().plusSeconds(3600)));
        options.addItem("Until tomorrow 9:00", e -> snoozeUntil(nineOn(now().plusDays(1))));
        options.addItem("Until next Monday 9:00",
                e -> snoozeUntil(nineOn(now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)))));
        options.addItem("Until the customer replies", e -> snoozeUntil(null));
        options.addItem("Pick a time…", e -> pickSnoozeTime());

        priority.setAriaLabel("Priority");
        priority.setId("conversation-priority");
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> p == null ? "" : p.name().toLowerCase() + " priority");
        priority.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                save(() -> workflow.changePriority(conversationId, e.getValue(), me()));
            }
        });

        labels.setId("conversation-labels");
        labels.setPlaceholder("Labels");
        labels.setAriaLabel("Labels");
        labels.setAllowCustomValue(true);
        labels.addCustomValueSetListener(e -> addLabel(e.getDetail()));
        labels.addValueChangeListener(e -> {
            if (!showing) {
                Set<String> removed = new HashSet<>(e.getOldValue());
                removed.removeAll(e.getValue());
                Set<String> added = new HashSet<>(e.getValue());
                added.removeAll(e.getOldValue());
                save(() -> workflow.changeLabels(conversationId, added, removed, me()));
            }
        });

        transfer.setId("conversation-transfer");
        transfer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        transfer.addClickListener(e -> openTransfer());
        add(status, snooze, priority, labels, transfer);
    }

    /** Shows the conversation's current values without saving them back. */
    void show(ConversationSummary conversation) {
        showing = true;
        try {
            conversationId = conversation.id();
            status.setItems(ConversationStatus.values());
            status.setValue(conversation.status());
            priority.setValue(conversation.priority());
            Set<String> known = new java.util.TreeSet<>(choices.labels());
            known.addAll(conversation.labels());
            labels.setItems(known);
            labels.setValue(Set.copyOf(conversation.labels()));
            snooze.setEnabled(conversation.status() != ConversationStatus.RESOLVED);
        } finally {
            showing = false;
        }
    }

    private void addLabel(String typed) {
        try {
            String label = ConversationWorkflow.normalizeLabel(typed);
            Set<String> value = new HashSet<>(labels.getValue());
            value.add(label);
            Set<String> known = new java.util.TreeSet<>(value);
            known.addAll(choices.labels());
            showing = true;
            labels.setItems(known);
            showing = false;
            labels.setValue(value);
        } catch (ConversationOperationException bad) {
            Notification.show(bad.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void snoozeUntil(Instant until) {
        save(() -> workflow.snooze(conversationId, until, me()));
    }

    private void pickSnoozeTime() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Snooze until");
        var when = new DateTimePicker();
        when.setMin(now().toLocalDateTime());
        when.setValue(nineOn(now().plusDays(1)).atZone(zone).toLocalDateTime());
        var ok = new Button("Snooze", e -> {
            if (when.getValue() != null) {
                snoozeUntil(when.getValue().atZone(zone).toInstant());
                dialog.close();
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(when);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void openTransfer() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Transfer the conversation");
        var team = new ComboBox<InboxChoices.Choice>("Team");
        team.setItems(choices.teams());
        team.setItemLabelGenerator(InboxChoices.Choice::name);
        team.setClearButtonVisible(true);
        var agent = new ComboBox<InboxChoices.Choice>("Agent");
        agent.setItems(choices.agents());
        agent.setItemLabelGenerator(InboxChoices.Choice::name);
        agent.setClearButtonVisible(true);
        var note = new TextArea("Note for the receiver");
        note.setWidthFull();
        var ok = new Button("Transfer", e -> {
            if (team.getValue() == null && agent.getValue() == null) {
                team.setInvalid(true);
                team.setErrorMessage("Choose a team, an agent, or both.");
                return;
            }
            save(() -> {
                if (team.getValue() != null) {
                    workflow.transferToTeam(conversationId, team.getValue().id(), note.getValue(), me());
                }
                if (agent.getValue() != null) {
                    store.assign(conversationId, agent.getValue().id(), me());
                }
            });
            // The note stays in the history as a private note, where the receiver reads it (and @mentions work).
            if (!note.getValue().isBlank()) {
                notes.add(conversationId, currentAgent.get(), "Transferred to " + (team.getValue() == null ? ""
                        : team.getValue().name()) + (team.getValue() != null && agent.getValue() != null ? ", " : "")
                        + (agent.getValue() == null ? "" : agent.getValue().name()) + ": " + note.getValue().strip());
                afterChange.run();
            }
            dialog.close();
        });
        ok.setId("transfer-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(team, agent, note);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void save(Runnable change) {
        try {
            ConflictRetry.retry(change);
        } catch (ConversationOperationException bad) {
            Notification.show(bad.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        afterChange.run();
    }

    private long me() {
        return currentAgent.get().id();
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(zone);
    }

    private Instant nineOn(ZonedDateTime day) {
        return day.toLocalDate().atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
    }
}
