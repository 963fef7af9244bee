package org.switchboard.plugins.metamessenger;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customers' names from the Graph user profile ({@code GET /{psid}?fields=first_name,last_name}, on Instagram
 * {@code ?fields=name,username}). A name is a nicety: any failure gives {@code null} and never fails the delivery.
 * Answers are cached so a chatty customer costs one look-up a day; failures are cached briefly so a missing
 * permission does not double the calls of every webhook.
 */
final class SenderNames {

    private static final int MAX_ENTRIES = 10_000;
    private static final Duration KEEP_NAME = Duration.ofHours(24);
    private static final Duration KEEP_FAILURE = Duration.ofMinutes(10);

    private record Cached(String name, Instant expires) {
    }

    private final MetaSettings settings;
    private final GraphApi graph;
    private final Clock clock;
    private final System.Logger logger;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    SenderNames(MetaSettings settings, GraphApi graph, Clock clock, System.Logger logger) {
        this.settings = settings;
        this.graph = graph;
        this.clock = clock;
        this.logger = logger;
    }

    /** The sender's name, or {@code null} when unknown. */
    String nameOf(String senderId) {
        if (!settings.fetchProfiles()) {
            return null;
        }
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(senderId);
            if (cached != null && cached.expires().isAfter(now)) {
                return cached.name();
            }
        }
        String name = lookUp(senderId);
        synchronized (cache) {
            cache.put(senderId, new Cached(name, now.plus(name == null ? KEEP_FAILURE : KEEP_NAME)));
        }
        return name;
    }

    private String lookUp(String senderId) {
        try {
            GraphApi.Reply reply = graph.getFields(senderId, settings.network().profileFields());
            if (!reply.ok()) {
                GraphError error = GraphError.parse(reply.status(), reply.body());
                logger.log(System.Logger.Level.DEBUG, "no profile for a " + settings.network().descriptor().id()
                        + " sender: " + error.message());
                return null;
            }
            JsonValue parsed = Json.parse(reply.body());
            return parsed.isObject() ? nameIn(parsed.asObject()) : null;
        } catch (IOException | RuntimeException e) {
            logger.log(System.Logger.Level.DEBUG, "profile look-up failed: " + e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code first_name last_name} (Messenger), else {@code name}, else {@code @username} (Instagram). */
    static String nameIn(JsonObject profile) {
        String first = profile.getString("first_name", "").strip();
        String last = profile.getString("last_name", "").strip();
        String full = (first + " " + last).strip();
        if (!full.isEmpty()) {
            return full;
        }
        String name = profile.getString("name", "").strip();
        if (!name.isEmpty()) {
            return name;
        }
        String username = profile.getString("username", "").strip();
        return username.isEmpty() ? null : "@" + username;
    }
}
