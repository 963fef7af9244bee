package org.switchboard.plugin.api.ai;

import java.util.List;
import java.util.Objects;

/**
 * An assistant's answer: a reply (sent to the customer when the host's policy allows, else suggested to the
 * agent), or an escalation to a human with a summary so the customer never repeats themselves.
 *
 * @param decision   answer or escalate
 * @param text       the reply text (for {@code ANSWER}), or {@code null}
 * @param confidence how sure the assistant is, 0..1
 * @param sources    what the answer is grounded in (passage source ids, record references)
 * @param summary    for agents: what the customer wants, what was tried, which channels (always given)
 * @param reason     why it decided so (e.g. "negative sentiment", "no passage matched")
 * @param model      the model that answered
 * @since 0.4.0 (incubating)
 */
public record AssistantReply(Decision decision, String text, double confidence, List<String> sources,
        String summary, String reason, ModelInfo model) {

    /** Answer or hand over. */
    public enum Decision {
        /** A reply the customer may get. */
        ANSWER,
        /** A human must take over. */
        ESCALATE
    }

    public AssistantReply {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(model, "model");
        sources = sources == null ? List.of() : List.copyOf(sources);
        summary = summary == null ? "" : summary;
        reason = reason == null ? "" : reason;
    }
}
