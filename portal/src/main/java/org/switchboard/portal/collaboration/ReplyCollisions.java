package org.switchboard.portal.collaboration;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;

/**
 * Finds replies to the customer that someone else (a colleague, or the assistant) sent while the agent was
 * writing theirs: outbound messages the agent had not seen when they began, not written by the agent.
 */
@Service
public class ReplyCollisions {

    private static final int PREVIEW_LENGTH = 120;

    private final ConversationQueries queries;
    private final Clock clock;

    ReplyCollisions(ConversationQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The newest such reply, if any.
     *
     * @param seenMessageIds the messages the agent had on screen when they began writing
     */
    public Optional<Collision> since(long conversationId, long agentId, Set<Long> seenMessageIds) {
        List<MessageView> crossing = queries.detail(conversationId).map(d -> d.messages().stream()
                .filter(m -> m.direction() == MessageDirection.OUT)
                .filter(m -> !seenMessageIds.contains(m.id()))
                .filter(m -> !Objects.equals(m.authorAgentId(), agentId))
                .toList()).orElse(List.of());
        return crossing.stream().max(Comparator.comparing(MessageView::createdAt).thenComparing(MessageView::id))
                .map(m -> new Collision(m.authorName() != null ? m.authorName()
                        : m.authorAgentId() == null ? "The assistant" : "A colleague", m.createdAt(),
                        preview(m.text()), crossing.size()));
    }

    /** A collision's question as of now. */
    public String question(Collision collision) {
        return collision.question(clock.instant());
    }

    private static String preview(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() > PREVIEW_LENGTH ? flat.substring(0, PREVIEW_LENGTH - 1) + "…" : flat;
    }
}
