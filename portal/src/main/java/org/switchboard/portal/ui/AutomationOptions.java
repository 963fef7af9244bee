package org.switchboard.portal.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.switchboard.portal.automation.AutomationChoices;
import org.switchboard.portal.automation.NotifyRecipients;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.Priority;

/** The pickers' choices for one editing session, read once when the form opens. */
final class AutomationOptions {

    final List<AutomationOption> teams;
    final List<AutomationOption> agents;
    final List<AutomationOption> cannedResponses;
    final List<AutomationOption> channels;
    final List<String> attributeKeys;
    final List<AutomationOption> statuses = Arrays.stream(ConversationStatus.values())
            .map(s -> new AutomationOption(s.name(), s == ConversationStatus.SNOOZED
                    ? "snoozed (until the customer replies)" : name(s))).toList();
    final List<AutomationOption> priorities = Arrays.stream(Priority.values())
            .map(p -> new AutomationOption(p.name(), name(p))).toList();
    final List<AutomationOption> recipients = Arrays.stream(NotifyRecipients.values())
            .map(r -> new AutomationOption(r.name(), r.label())).toList();

    AutomationOptions(AutomationChoices choices) {
        teams = choices.teams().stream().map(t -> new AutomationOption(Long.toString(t.id()), t.name())).toList();
        agents = choices.agents().stream().map(a -> new AutomationOption(Long.toString(a.agentId()),
                a.displayName() + " (" + a.email() + ")")).toList();
        cannedResponses = choices.cannedResponses().stream().map(r -> new AutomationOption(Long.toString(r.id()),
                "/" + r.shortcut() + " – " + r.title())).toList();
        channels = choices.channels().stream().map(c -> new AutomationOption(c.value(), c.label())).toList();
        attributeKeys = choices.attributes().stream().map(a -> a.key()).toList();
    }

    /** The option with this value; one that is no longer offered (a deleted team) is shown as such. */
    static AutomationOption find(List<AutomationOption> options, String value) {
        if (value == null) {
            return null;
        }
        return options.stream().filter(o -> o.value().equalsIgnoreCase(value)).findFirst()
                .orElse(new AutomationOption(value, "unknown #" + value));
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
