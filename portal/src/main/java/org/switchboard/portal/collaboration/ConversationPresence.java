package org.switchboard.portal.collaboration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.switchboard.portal.collaboration.PresenceView.Activity;

/**
 * Who has which conversation open and who is typing in it, for collision detection. Held in this node's memory
 * only: with several portal nodes an agent sees only colleagues on the same node (a shared store or broker would
 * be needed; see docs/collaboration.md). Views join when they show a conversation and leave when they close; the
 * composer reports typing, which expires {@link #TYPING_EXPIRES} after the last keystroke. Subscribers hear which
 * conversation's presence changed, on another thread.
 */
@Service
public class ConversationPresence implements DisposableBean {

    /** Typing shows this long after the last signal. */
    public static final Duration TYPING_EXPIRES = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ConversationPresence.class);

    private record Viewer(long conversationId, long agentId, String name, Activity activity, Instant typingAt) {

        Viewer with(Activity newActivity, Instant at) {
            return new Viewer(conversationId, agentId, name, newActivity, at);
        }
    }

    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    private final Set<LongConsumer> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;

    ConversationPresence(Clock clock) {
        this.clock = clock;
    }

    /** An agent opened a conversation (one key per open view); returns the key for the other calls. */
    public String join(long conversationId, long agentId, String name) {
        String key = UUID.randomUUID().toString();
        viewers.put(key, new Viewer(conversationId, agentId, name, Activity.VIEWING, null));
        changed(conversationId);
        return key;
    }

    /** The view closed (or shows another conversation now). Unknown keys are ignored. */
    public void leave(String key) {
        Viewer gone = key == null ? null : viewers.remove(key);
        if (gone != null) {
            changed(gone.conversationId());
        }
    }

    /** The agent typed in the composer: a reply, or a note. Repeated signals only extend the typing. */
    public void typing(String key, boolean note) {
        Activity activity = note ? Activity.WRITING_NOTE : Activity.TYPING_REPLY;
        Viewer[] before = new Viewer[1];
        Viewer after = viewers.computeIfPresent(key, (k, viewer) -> {
            before[0] = viewer;
            return viewer.with(activity, clock.instant());
        });
        if (after != null && before[0].activity() != activity) {
            changed(after.conversationId());
        }
    }

    /** The agent sent, or emptied the composer: no longer typing. */
    public void stoppedTyping(String key) {
        Viewer[] before = new Viewer[1];
        Viewer after = viewers.computeIfPresent(key, (k, viewer) -> {
            before[0] = viewer;
            return viewer.with(Activity.VIEWING, null);
        });
        if (after != null && before[0].activity() != Activity.VIEWING) {
            changed(after.conversationId());
        }
    }

    /** The other agents in a conversation (each once, with their busiest view), by name. */
    public List<PresenceView> others(long conversationId, long agentId) {
        Map<Long, PresenceView> byAgent = new LinkedHashMap<>();
        for (Viewer viewer : viewers.values()) {
            if (viewer.conversationId() != conversationId || viewer.agentId() == agentId) {
                continue;
            }
            byAgent.merge(viewer.agentId(), new PresenceView(viewer.agentId(), viewer.name(), viewer.activity()),
                    (a, b) -> a.activity().compareTo(b.activity()) >= 0 ? a : b);
        }
        return byAgent.values().stream().sorted(Comparator.comparing(PresenceView::name)).toList();
    }

    /** Calls {@code onChange} with a conversation's id whenever its presence changed; run the handle to stop. */
    public Runnable subscribe(LongConsumer onChange) {
        subscribers.add(onChange);
        return () -> subscribers.remove(onChange);
    }

    /** Ends typing that has had no signal for {@link #TYPING_EXPIRES} (runs every second). */
    @Scheduled(fixedDelay = 1000)
    public void expireTyping() {
        Instant limit = clock.instant().minus(TYPING_EXPIRES);
        for (Map.Entry<String, Viewer> entry : viewers.entrySet()) {
            Viewer viewer = entry.getValue();
            if (viewer.typingAt() != null && !viewer.typingAt().isAfter(limit)
                    && viewers.replace(entry.getKey(), viewer, viewer.with(Activity.VIEWING, null))) {
                changed(viewer.conversationId());
            }
        }
    }

    private void changed(long conversationId) {
        for (LongConsumer subscriber : subscribers) {
            fanOut.execute(() -> {
                try {
                    subscriber.accept(conversationId);
                } catch (RuntimeException e) {
                    log.debug("Presence subscriber failed", e);
                }
            });
        }
    }

    @Override
    public void destroy() {
        fanOut.shutdownNow();
    }
}
