package org.switchboard.portal.automation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.switchboard.portal.conversation.ConversationSummary;

/** Whether a rule's conditions hold for the facts of a job: all of them must. */
final class ConditionMatcher {

    private ConditionMatcher() {
    }

    static boolean all(List<RuleCondition> conditions, RuleFacts facts) {
        return conditions.stream().allMatch(c -> holds(c, facts));
    }

    static boolean holds(RuleCondition condition, RuleFacts facts) {
        ConversationSummary c = facts.conversation();
        return switch (condition.field()) {
            case CHANNEL -> channel(condition, facts);
            case INTENT -> compare(condition, c.intent());
            case SENTIMENT -> compare(condition, c.sentiment());
            case LABEL -> labels(condition, c.labels());
            case ATTRIBUTE -> compare(condition, facts.attributes().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(condition.key())).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse(null));
            case TEXT -> text(condition, facts.text());
            case STATUS -> compare(condition, c.status().name());
            case PRIORITY -> compare(condition, c.priority().name());
            case TEAM -> compare(condition, c.teamId() == null ? null : c.teamId().toString());
            case ASSIGNEE -> compare(condition, c.assigneeId() == null ? null : c.assigneeId().toString());
        };
    }

    /* A connector id matches every account of that kind; an account id matches that account. */
    private static boolean channel(RuleCondition condition, RuleFacts facts) {
        boolean same = condition.value().equalsIgnoreCase(String.valueOf(facts.channelAccountId()))
                || condition.value().equalsIgnoreCase(String.valueOf(facts.connectorId()));
        return condition.operator() == ConditionOperator.NOT_EQUALS ? !same : same;
    }

    private static boolean compare(RuleCondition condition, String fact) {
        boolean present = fact != null && !fact.isBlank();
        return switch (condition.operator()) {
            case EQUALS -> present && fact.strip().equalsIgnoreCase(condition.value());
            case NOT_EQUALS -> !(present && fact.strip().equalsIgnoreCase(condition.value()));
            case CONTAINS -> present && lower(fact).contains(lower(condition.value()));
            case NOT_CONTAINS -> !(present && lower(fact).contains(lower(condition.value())));
            case PRESENT -> present;
            case ABSENT -> !present;
        };
    }

    private static boolean labels(RuleCondition condition, List<String> labels) {
        return switch (condition.operator()) {
            case EQUALS -> labels.contains(condition.value());
            case NOT_EQUALS -> !labels.contains(condition.value());
            case CONTAINS -> labels.stream().anyMatch(l -> l.contains(lower(condition.value())));
            case NOT_CONTAINS -> labels.stream().noneMatch(l -> l.contains(lower(condition.value())));
            case PRESENT -> !labels.isEmpty();
            case ABSENT -> labels.isEmpty();
        };
    }

    /* "refund, money back": any of the words, anywhere in the text, ignoring case. */
    private static boolean text(RuleCondition condition, String text) {
        String haystack = lower(text);
        boolean any = Arrays.stream(condition.value().split(",")).map(ConditionMatcher::lower).map(String::strip)
                .filter(w -> !w.isEmpty()).anyMatch(haystack::contains);
        return condition.operator() == ConditionOperator.NOT_CONTAINS ? !any : any;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
