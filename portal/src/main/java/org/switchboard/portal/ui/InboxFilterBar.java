package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.inbox.InboxChoices;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxScope;
import org.switchboard.portal.inbox.InboxSort;
import org.switchboard.portal.inbox.SlaFilter;

/**
 * The inbox's filters: every field narrows the list ("any" when empty). Reads and writes an {@link InboxCriteria}
 * so saved views restore exactly what was chosen.
 */
class InboxFilterBar extends FormLayout {

    /** Waiting-time choices, as Zendesk offers them. */
    private static final Map<String, Duration> WAITING = new LinkedHashMap<>();

    static {
        WAITING.put("15 minutes", Duration.ofMinutes(15));
        WAITING.put("1 hour", Duration.ofHours(1));
        WAITING.put("4 hours", Duration.ofHours(4));
        WAITING.put("1 day", Duration.ofDays(1));
    }

    final MultiSelectComboBox<ConversationStatus> statuses = new MultiSelectComboBox<>("Status");
    final MultiSelectComboBox<ChannelAccountView> channels = new MultiSelectComboBox<>("Channel");
    final ComboBox<InboxChoices.Choice> assignee = new ComboBox<>("Assignee");
    final ComboBox<InboxChoices.Choice> team = new ComboBox<>("Team");
    final MultiSelectComboBox<String> labels = new MultiSelectComboBox<>("Labels");
    final MultiSelectComboBox<Priority> priorities = new MultiSelectComboBox<>("Priority");
    final MultiSelectComboBox<String> intents = new MultiSelectComboBox<>("Intent");
    final MultiSelectComboBox<String> sentiments = new MultiSelectComboBox<>("Sentiment");
    final Select<SlaFilter> sla = new Select<>();
    final Select<String> waiting = new Select<>();
    final Button clear = new Button("Clear filters");

    private final Map<String, ChannelAccountView> accountsById;
    private final Map<Long, InboxChoices.Choice> agentsById;
    private final Map<Long, InboxChoices.Choice> teamsById;
    private final InboxChoices choices;
    private boolean silent;

    InboxFilterBar(InboxChoices choices, java.util.List<ChannelAccountView> accounts, Runnable onChange) {
        setId("inbox-filters");
        this.choices = choices;
        accountsById = accounts.stream().collect(Collectors.toMap(ChannelAccountView::id, a -> a));
        agentsById = choices.agents().stream().collect(Collectors.toMap(InboxChoices.Choice::id, c -> c));
        teamsById = choices.teams().stream().collect(Collectors.toMap(InboxChoices.Choice::id, c -> c));

        statuses.setItems(ConversationStatus.values());
        statuses.setItemLabelGenerator(s -> s.name().toLowerCase());
        channels.setItems(accounts);
        channels.setItemLabelGenerator(a -> a.name() + " (" + a.connectorId() + ")");
        assignee.setItems(agentsById.values());
        assignee.setItemLabelGenerator(InboxChoices.Choice::name);
        assignee.setClearButtonVisible(true);
        team.setItems(teamsById.values());
        team.setItemLabelGenerator(InboxChoices.Choice::name);
        team.setClearButtonVisible(true);
        labels.setItems(choices.labels());
        priorities.setItems(Priority.values());
        priorities.setItemLabelGenerator(p -> p.name().toLowerCase());
        intents.setItems(choices.intents());
        sentiments.setItems(choices.sentiments());
        sla.setLabel("SLA");
        sla.setItems(SlaFilter.values());
        sla.setEmptySelectionAllowed(true);
        sla.setEmptySelectionCaption("any");
        sla.setItemLabelGenerator(s -> s == null ? "any" : s == SlaFilter.DUE_SOON ? "due soon" : "breached");
        waiting.setLabel("Waiting at least");
        waiting.setItems(WAITING.keySet());
        waiting.setEmptySelectionAllowed(true);
        waiting.setEmptySelectionCaption("any time");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> {
            show(InboxCriteria.of(InboxScope.ALL));
            onChange.run();
        });

        java.util.List<com.vaadin.flow.component.HasValue<?, ?>> fields = java.util.List.of(statuses, channels,
                assignee, team, labels, priorities, intents, sentiments, sla, waiting);
        fields.forEach(field -> field.addValueChangeListener(e -> {
            if (!silent) {
                onChange.run();
            }
        }));
        add(statuses, channels, assignee, team, labels, priorities, intents, sentiments, sla, waiting, clear);
        setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("40em", 4), new ResponsiveStep("70em", 6));
    }

    private static java.util.SortedSet<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        var all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The criteria the fields describe, for the given scope and sort. */
    InboxCriteria criteria(InboxScope scope, InboxSort sort) {
        return new InboxCriteria(scope, statuses.getValue(),
                channels.getValue().stream().map(ChannelAccountView::id).collect(Collectors.toSet()),
                assignee.getValue() == null ? null : assignee.getValue().id(),
                team.getValue() == null ? null : team.getValue().id(), labels.getValue(), priorities.getValue(),
                intents.getValue(), sentiments.getValue(), sla.getValue(),
                waiting.getValue() == null ? null : WAITING.get(waiting.getValue()), sort);
    }

    /** Shows the criteria's filters (a saved view chosen) without firing a change per field. */
    void show(InboxCriteria criteria) {
        silent = true;
        try {
            statuses.setValue(criteria.statuses());
            channels.setValue(criteria.channelAccountIds().stream().map(accountsById::get)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
            assignee.setValue(criteria.assigneeId() == null ? null : agentsById.get(criteria.assigneeId()));
            team.setValue(criteria.teamId() == null ? null : teamsById.get(criteria.teamId()));
            // Offer what is in use now plus what the view asks for, even if no conversation has it any more.
            labels.setItems(union(choices.labels(), criteria.labels()));
            labels.setValue(criteria.labels());
            priorities.setValue(criteria.priorities());
            intents.setItems(union(choices.intents(), criteria.intents()));
            intents.setValue(criteria.intents());
            sentiments.setItems(union(choices.sentiments(), criteria.sentiments()));
            sentiments.setValue(criteria.sentiments());
            sla.setValue(criteria.sla());
            waiting.setValue(WAITING.entrySet().stream().filter(e -> e.getValue().equals(criteria.waitingAtLeast()))
                    .map(Map.Entry::getKey).findFirst().orElse(null));
        } finally {
            silent = false;
        }
    }
}
