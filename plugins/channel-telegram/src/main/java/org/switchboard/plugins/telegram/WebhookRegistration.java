package org.switchboard.plugins.telegram;

import com.eclipsesource.json.Json;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.plugin.api.channel.ConnectionHealth;

/**
 * Tells Telegram where to deliver the bot's updates ({@code setWebhook} with this account's URL, its secret
 * token and the update types we read), in the background so opening a connection never waits for Telegram.
 *
 * <p>A failed registration never fails the connection: Telegram may be briefly unreachable, or the portal's
 * public URL not yet HTTPS. The failure is shown in the health, and registration is tried again with a growing
 * delay, and at once (at most every {@link #MIN_RETRY_GAP}) when an admin looks at the health.
 */
final class WebhookRegistration {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofMinutes(15);
    static final Duration MIN_RETRY_GAP = Duration.ofSeconds(10);

    private final BotApi api;
    private final URI webhookUrl;
    private final String secret;
    private final ScheduledExecutorService scheduler;
    private final System.Logger logger;
    private final Clock clock;

    private boolean registered;
    private boolean running;
    private boolean closed;
    private String problem = "registering the webhook with Telegram";
    private int failures;
    private Instant lastAttempt = Instant.EPOCH;
    private ScheduledFuture<?> next;

    WebhookRegistration(BotApi api, URI webhookUrl, String secret, ScheduledExecutorService scheduler,
            System.Logger logger, Clock clock) {
        this.api = api;
        this.webhookUrl = webhookUrl;
        this.secret = secret;
        this.scheduler = scheduler;
        this.logger = logger;
        this.clock = clock;
    }

    /** Registers as soon as the scheduler gets to it. */
    synchronized void start() {
        schedule(Duration.ZERO);
    }

    /** Healthy once Telegram accepted the webhook; otherwise why not, and a prompt retry. */
    synchronized ConnectionHealth health() {
        if (registered) {
            return ConnectionHealth.ok();
        }
        if (!running && !closed && failures > 0
                && Duration.between(lastAttempt, clock.instant()).compareTo(MIN_RETRY_GAP) >= 0) {
            schedule(Duration.ZERO);
        }
        return ConnectionHealth.unhealthy(problem);
    }

    synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            problem = "webhook not registered: the plugin is stopping";
        }
    }

    private void attempt() {
        synchronized (this) {
            if (closed || registered || running) {
                return;
            }
            running = true;
            lastAttempt = clock.instant();
        }
        String failure = register();
        synchronized (this) {
            running = false;
            if (closed) {
                return; // closing interrupts an attempt; that is no failure worth reporting
            }
            if (failure == null) {
                registered = true;
                problem = "";
                failures = 0;
                logger.log(Level.INFO, "Telegram webhook registered for " + webhookUrl);
                return;
            }
            failures++;
            Duration delay = retryDelay(failures);
            problem = "Telegram webhook not registered (next try in " + delay.toSeconds() + " s): " + failure;
            logger.log(Level.WARNING, problem);
            schedule(delay);
        }
    }

    /** Calls setWebhook; {@code null} on success, else why it failed (the token masked). */
    private String register() {
        try {
            ApiAnswer answer = api.call("setWebhook", Json.object()
                    .add("url", webhookUrl.toString())
                    .add("secret_token", secret)
                    .add("allowed_updates", Json.array("message", "edited_message")));
            return answer.ok() ? null : answer.description();
        } catch (IOException e) {
            return "Telegram could not be reached: " + api.describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return api.mask().mask(e.toString()); // a task that throws would otherwise stop the retries
        }
    }

    static Duration retryDelay(int failures) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(failures - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.toSeconds()));
    }
}
