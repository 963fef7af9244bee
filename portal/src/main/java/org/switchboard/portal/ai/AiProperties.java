package org.switchboard.portal.ai;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the assistant may do on its own.
 *
 * @param enabled                 whether customer messages go through the AI plugins at all
 * @param autonomousIntents       intents the assistant may answer without an agent (others are suggestions)
 * @param minConfidence           the assistant's confidence needed to answer on its own
 * @param negativeSentimentAt     a negative sentiment at least this confident raises the priority and stops
 *                                autonomous answers
 * @param assistantName           the name customers see on the assistant's replies
 * @param queueCapacity           customer messages waiting for the models; beyond it, messages skip AI
 */
@ConfigurationProperties("switchboard.ai")
public record AiProperties(Boolean enabled, List<String> autonomousIntents, Double minConfidence,
        Double negativeSentimentAt, String assistantName, Integer queueCapacity) {

    public AiProperties {
        enabled = enabled == null || enabled;
        autonomousIntents = autonomousIntents == null ? List.of("order_status", "refund", "return")
                : List.copyOf(autonomousIntents);
        minConfidence = minConfidence == null ? 0.75 : minConfidence;
        negativeSentimentAt = negativeSentimentAt == null ? 0.7 : negativeSentimentAt;
        assistantName = assistantName == null || assistantName.isBlank() ? "Assistant" : assistantName;
        queueCapacity = queueCapacity == null || queueCapacity <= 0 ? 1_000 : queueCapacity;
    }
}
