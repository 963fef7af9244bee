package org.switchboard.portal.triage;

import org.switchboard.portal.conversation.Priority;

/**
 * A triage rule as admins edit it. Conditions left {@code null} match anything; a rule needs at least one
 * condition and one action.
 *
 * @param id                 its id, {@code null} when new
 * @param name               what it is for
 * @param enabled            whether it applies
 * @param whenIntent         the intent label, e.g. {@code complaint}
 * @param whenSentiment      the sentiment label, e.g. {@code negative}
 * @param whenChannel        the channel's connector id, e.g. {@code whatsapp}
 * @param whenAttributeKey   a customer attribute key, e.g. {@code plan}
 * @param whenAttributeValue the value it must have, e.g. {@code pro}
 * @param setPriority        the priority to set (only ever raised), or {@code null}
 * @param routeToTeamId      the team to route to (when the conversation has none), or {@code null}
 * @param addLabels          labels to add (normalised as agents' labels are), empty for none
 */
public record TriageRuleView(Long id, String name, boolean enabled, String whenIntent, String whenSentiment,
        String whenChannel, String whenAttributeKey, String whenAttributeValue, Priority setPriority,
        Long routeToTeamId, java.util.Set<String> addLabels) {

    public TriageRuleView {
        addLabels = addLabels == null ? java.util.Set.of() : java.util.Set.copyOf(addLabels);
    }

    /** A rule without labels (the form before labels existed). */
    public TriageRuleView(Long id, String name, boolean enabled, String whenIntent, String whenSentiment,
            String whenChannel, String whenAttributeKey, String whenAttributeValue, Priority setPriority,
            Long routeToTeamId) {
        this(id, name, enabled, whenIntent, whenSentiment, whenChannel, whenAttributeKey, whenAttributeValue,
                setPriority, routeToTeamId, java.util.Set.of());
    }

    /** Whether the facts of a message satisfy every condition of the rule. */
    boolean matches(TriageFacts facts) {
        return enabled && equal(whenIntent, facts.intent()) && equal(whenSentiment, facts.sentiment())
                && equal(whenChannel, facts.channel())
                && (whenAttributeKey == null || equal(whenAttributeValue, facts.attributes().get(whenAttributeKey)));
    }

    private static boolean equal(String condition, String fact) {
        return condition == null || condition.equalsIgnoreCase(fact == null ? "" : fact);
    }
}
