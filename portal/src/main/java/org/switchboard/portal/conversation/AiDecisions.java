package org.switchboard.portal.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.portal.conversation.ConversationChanged.Change;

/**
 * Records every AI decision on its conversation as an event (model id and version, label, confidence), which
 * supervisors see and dashboards count, and keeps what agents need: the hand-over summary and the suggestion.
 */
@Service
public class AiDecisions {

    private final ConversationRepository conversations;
    private final ConversationEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AiDecisions(ConversationRepository conversations, ConversationEventRepository events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.conversations = conversations;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A classifier labelled the customer's latest message. */
    @Transactional
    public void classified(long conversationId, MessageClassifier.Task task, Classification result) {
        record(conversationId, ConversationEventType.AI_CLASSIFIED, task.name().toLowerCase(Locale.ROOT) + ":"
                + result.label() + " " + confidence(result.confidence()) + " " + model(result.model()));
        String label = Conversation.clip(result.label(), 64);
        int updated = switch (task) {
            case INTENT -> conversations.setIntent(conversationId, label);
            case SENTIMENT -> conversations.setSentiment(conversationId, Conversation.clip(result.label(), 32));
        };
        if (updated > 0) {
            publish(conversationId);
        }
    }

    /** Negative sentiment raised the priority. */
    @Transactional
    public void prioritised(long conversationId, Priority priority, String why) {
        List<Priority> lower = java.util.Arrays.stream(Priority.values())
                .filter(p -> p.ordinal() < priority.ordinal()).toList();
        if (conversations.raisePriority(conversationId, priority, lower) > 0) {
            record(conversationId, ConversationEventType.PRIORITY_CHANGED, "-> " + priority + ": " + why);
            publish(conversationId);
        }
    }

    /** A triage rule routed the conversation to a team (only when it had none). */
    @Transactional
    public void routed(long conversationId, long teamId, String why) {
        if (conversations.routeToTeamIfUnrouted(conversationId, teamId) > 0) {
            record(conversationId, ConversationEventType.TEAM_CHANGED, "team #" + teamId + ": " + why);
            publish(conversationId);
        }
    }

    /** What the assistant decided, as its BOT_REPLY event records it when its answer is sent. */
    public static String describe(AssistantReply reply) {
        return confidence(reply.confidence()) + " " + model(reply.model()) + " sources " + reply.sources();
    }

    /** The assistant's answer is offered to the agent instead of sent. */
    @Transactional
    public void suggested(long conversationId, AssistantReply reply, String why) {
        conversations.setAiSuggestion(conversationId, Conversation.clip(reply.text(), 4000),
                Conversation.clip(String.join(", ", reply.sources()), 1000));
        record(conversationId, ConversationEventType.AI_SUGGESTED, confidence(reply.confidence()) + " "
                + model(reply.model()) + ": " + why);
        publish(conversationId);
    }

    /** The assistant's answer waits for an agent: its summary is pinned too, so nobody asks the customer again. */
    @Transactional
    public void handedOver(long conversationId, AssistantReply reply) {
        if (!reply.summary().isBlank()) {
            conversations.setAiSummary(conversationId, Conversation.clip(reply.summary(), 4000));
            publish(conversationId);
        }
    }

    /** The assistant handed over to a human: the summary is pinned at the top of the conversation. */
    @Transactional
    public void escalated(long conversationId, AssistantReply reply) {
        conversations.setAiSummary(conversationId, Conversation.clip(reply.summary(), 4000));
        record(conversationId, ConversationEventType.ESCALATED, reply.reason() + " " + model(reply.model()));
        publish(conversationId);
    }

    private void record(long conversationId, ConversationEventType type, String detail) {
        String clipped = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        events.save(new ConversationEvent(Objects.requireNonNull(conversationId), type, clock.instant(), null, null,
                clipped));
    }

    private void publish(long conversationId) {
        long customerId = conversations.findCustomerIdById(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        publisher.publishEvent(new ConversationChanged(conversationId, customerId, Change.STATUS));
    }

    private static String confidence(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String model(ModelInfo model) {
        return "(" + model.id() + "@" + model.version() + ")";
    }
}
