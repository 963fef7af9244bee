package org.switchboard.portal.automation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.switchboard.portal.collaboration.CannedResponseView;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.Priority;

/**
 * Checks a rule before it is saved and returns it cleaned up (trimmed, labels normalised, words de-duplicated). Every
 * message names the condition or action by its number in the form, so an admin finds what to fix.
 */
@Component
class RuleValidator {

    static final int MAX_NAME = 200;
    static final int MAX_ROWS = 20;
    static final int MAX_MESSAGE = 500;
    static final int MAX_VALUE = 500;

    private final AutomationChoices choices;

    RuleValidator(AutomationChoices choices) {
        this.choices = choices;
    }

    /** @throws AutomationException naming the first problem */
    AutomationRuleView check(AutomationRuleView rule) {
        String name = rule.name() == null ? "" : rule.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new AutomationException("A rule needs a name of 1–" + MAX_NAME + " characters.");
        }
        if (rule.trigger() == null) {
            throw new AutomationException("Choose when the rule runs.");
        }
        if (rule.conditions().isEmpty()) {
            throw new AutomationException("A rule needs at least one condition.");
        }
        if (rule.actions().isEmpty()) {
            throw new AutomationException("A rule needs at least one action.");
        }
        if (rule.conditions().size() > MAX_ROWS || rule.actions().size() > MAX_ROWS) {
            throw new AutomationException("A rule has at most " + MAX_ROWS + " conditions and " + MAX_ROWS
                    + " actions.");
        }
        List<RuleCondition> conditions = new ArrayList<>();
        for (int i = 0; i < rule.conditions().size(); i++) {
            conditions.add(condition("Condition " + (i + 1), rule.conditions().get(i)));
        }
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 0; i < rule.actions().size(); i++) {
            actions.add(action("Action " + (i + 1), rule.actions().get(i)));
        }
        return new AutomationRuleView(rule.id(), name, rule.enabled(), rule.position(), rule.trigger(), conditions,
                actions);
    }

    private RuleCondition condition(String where, RuleCondition condition) {
        if (condition == null || condition.field() == null) {
            throw new AutomationException(where + ": choose what it looks at.");
        }
        ConditionField field = condition.field();
        ConditionOperator operator = condition.operator();
        if (operator == null || !field.operators().contains(operator)) {
            throw new AutomationException(where + " (" + field.label() + "): choose one of "
                    + field.operators().stream().map(o -> "“" + o.label() + "”").collect(Collectors.joining(", "))
                    + ".");
        }
        String key = null;
        if (field == ConditionField.ATTRIBUTE) {
            key = blankToNull(condition.key());
            String wanted = key;
            if (wanted == null) {
                throw new AutomationException(where + " (Customer attribute): choose the attribute.");
            }
            key = choices.attributes().stream().map(a -> a.key()).filter(k -> k.equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new AutomationException(where + ": there is no customer attribute “" + wanted
                            + "”."));
        }
        if (!operator.needsValue()) {
            return new RuleCondition(field, operator, key, null);
        }
        String value = blankToNull(condition.value());
        if (value == null) {
            throw new AutomationException(where + " (" + field.label() + "): enter a value.");
        }
        if (value.length() > MAX_VALUE) {
            throw new AutomationException(where + " (" + field.label() + "): the value is too long (at most "
                    + MAX_VALUE + " characters).");
        }
        String clean = switch (field) {
            case CHANNEL, INTENT, SENTIMENT -> value.toLowerCase(Locale.ROOT);
            case LABEL -> label(where, value);
            case ATTRIBUTE -> value;
            case TEXT -> words(where, value);
            case STATUS -> enumName(where, "status", value, ConversationStatus.values());
            case PRIORITY -> enumName(where, "priority", value, Priority.values());
            case TEAM -> team(where, value);
            case ASSIGNEE -> agent(where, value);
        };
        return new RuleCondition(field, operator, key, clean);
    }

    private RuleAction action(String where, RuleAction action) {
        if (action == null || action.type() == null) {
            throw new AutomationException(where + ": choose what it does.");
        }
        String value = blankToNull(action.value());
        return switch (action.type()) {
            case ASSIGN_TEAM -> new RuleAction(action.type(), team(where, required(where, action, value)), null, null);
            case ASSIGN_AGENT -> new RuleAction(action.type(), agent(where, required(where, action, value)), null,
                    null);
            case UNASSIGN -> new RuleAction(action.type(), null, null, null);
            case ADD_LABEL, REMOVE_LABEL -> new RuleAction(action.type(), label(where, required(where, action, value)),
                    null, null);
            case SET_PRIORITY -> new RuleAction(action.type(), enumName(where, "priority",
                    required(where, action, value), Priority.values()), null, null);
            case SET_STATUS -> new RuleAction(action.type(), enumName(where, "status",
                    required(where, action, value), ConversationStatus.values()), null, null);
            case SEND_CANNED_REPLY -> new RuleAction(action.type(), canned(where, required(where, action, value)),
                    null, null);
            case NOTIFY -> notify(where, action, value);
        };
    }

    private RuleAction notify(String where, RuleAction action, String value) {
        NotifyRecipients recipients = value == null ? null : Arrays.stream(NotifyRecipients.values())
                .filter(r -> r.name().equalsIgnoreCase(value)).findFirst().orElse(null);
        if (recipients == null) {
            throw new AutomationException(where + " (Notify): choose whom to notify.");
        }
        List<Long> agents = List.of();
        if (recipients == NotifyRecipients.AGENTS) {
            if (action.agentIds().isEmpty()) {
                throw new AutomationException(where + " (Notify): choose at least one agent to notify.");
            }
            agents = action.agentIds().stream().distinct().toList();
            for (Long agent : agents) {
                agent(where, Long.toString(agent));
            }
        }
        String message = blankToNull(action.message());
        if (message == null || message.length() > MAX_MESSAGE) {
            throw new AutomationException(where + " (Notify): write the message agents see (1–" + MAX_MESSAGE
                    + " characters).");
        }
        return new RuleAction(ActionType.NOTIFY, recipients.name(), agents, message);
    }

    private static String required(String where, RuleAction action, String value) {
        if (value == null) {
            throw new AutomationException(where + " (" + action.type().label() + "): choose or enter a value.");
        }
        return value;
    }

    private static String label(String where, String value) {
        try {
            return ConversationWorkflow.normalizeLabel(value);
        } catch (ConversationOperationException invalid) {
            throw new AutomationException(where + ": " + invalid.getMessage());
        }
    }

    /* "refund, Money back,, refund" -> "refund, money back": a comma-separated list of what to look for. */
    private static String words(String where, String value) {
        List<String> words = Arrays.stream(value.split(",")).map(w -> w.strip().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).distinct().toList();
        if (words.isEmpty()) {
            throw new AutomationException(where + " (Message text): enter at least one word.");
        }
        return String.join(", ", words);
    }

    private static String enumName(String where, String what, String value, Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).filter(n -> n.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new AutomationException(where + ": “" + value + "” is not a " + what + " ("
                        + Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")) + ")."));
    }

    private String team(String where, String value) {
        return AutomationChoices.parse(value).flatMap(choices::team).map(t -> Long.toString(t.id()))
                .orElseThrow(() -> new AutomationException(where + ": there is no team #" + value + "."));
    }

    private String agent(String where, String value) {
        return AutomationChoices.parse(value).flatMap(choices::agent).map(a -> Long.toString(a.agentId()))
                .orElseThrow(() -> new AutomationException(where + ": there is no enabled agent #" + value + "."));
    }

    private String canned(String where, String value) {
        CannedResponseView response = AutomationChoices.parse(value).flatMap(id -> choices.cannedResponses().stream()
                .filter(r -> r.id() == id).findFirst()).orElse(null);
        if (response == null) {
            throw new AutomationException(where + ": there is no shared canned response #" + value
                    + " (rules send shared responses only).");
        }
        return Long.toString(response.id());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
