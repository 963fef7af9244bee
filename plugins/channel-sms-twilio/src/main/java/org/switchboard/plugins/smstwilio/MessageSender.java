package org.switchboard.plugins.smstwilio;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * Sends one text through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * form-encoded, HTTP Basic with the account's SID and auth token) and maps the answer.
 *
 * <p>2xx → sent with the message's {@code sid}; 429 and 5xx, timeouts and network errors → retryable, honouring
 * {@code Retry-After}; any other answer → permanent, with Twilio's {@code code: message} as the reason. Twilio has
 * no idempotency key for this call, so a send whose answer was lost (a timeout) may, when retried, reach the
 * customer twice; a shorter wait would make that likelier, not rarer.
 */
final class MessageSender {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REASON_LENGTH = 300;

    private final HttpClient http;
    private final TwilioSettings settings;
    private final WebhookUrls urls;
    private final Duration timeout;
    private final Clock clock;
    private final System.Logger logger;
    private final URI messagesUrl;
    private final String authorization;
    /** Set while Twilio refuses the credentials, so an admin sees it in the account's health. */
    private volatile String credentialProblem;

    MessageSender(HttpClient http, TwilioSettings settings, WebhookUrls urls, Duration timeout, Clock clock,
            System.Logger logger) {
        this.http = http;
        this.settings = settings;
        this.urls = urls;
        this.timeout = timeout;
        this.clock = clock;
        this.logger = logger;
        this.messagesUrl = URI.create(settings.apiBaseUrl() + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = MediaDownloads.basic(settings.accountSid(), settings.authToken());
    }

    /** Why Twilio last refused the credentials, or empty when it has not (or has since accepted them). */
    Optional<String> credentialProblem() {
        return Optional.ofNullable(credentialProblem);
    }

    SendResult send(OutboundMessage message) {
        if (!IdentityKind.PHONE.equals(message.recipient().kind())) {
            return SendResult.permanent("SMS can only go to a phone number, not to a " + message.recipient().kind()
                    + " identity");
        }
        Optional<String> to = PhoneNumbers.e164(message.recipient().value());
        if (to.isEmpty()) {
            return SendResult.permanent("'" + message.recipient().value()
                    + "' is not a phone number in E.164 format (+ and country code)");
        }
        String text = message.text();
        if (text.isBlank()) {
            return SendResult.permanent(message.attachments().isEmpty()
                    ? "Nothing to send: the message has no text"
                    : "SMS via Twilio cannot send attachments (Twilio needs a public link to each file, which this "
                            + "channel cannot provide); add a text to send it without them");
        }
        SmsSegments segments = SmsSegments.of(text);
        if (segments.segments() > settings.maxSegments()) {
            return SendResult.permanent("The text needs " + segments.segments() + " SMS (" + segments.encodingLabel()
                    + ", " + segments.units() + " characters), more than the " + settings.maxSegments()
                    + " this account allows; shorten it");
        }
        if (!message.attachments().isEmpty()) {
            logger.log(System.Logger.Level.INFO, "Message {0}: sending the text only, {1} attachment(s) not sent "
                    + "(SMS via Twilio cannot send attachments)", message.messageId(), message.attachments().size());
        }
        return post(message.messageId(), form(to.get(), text));
    }

    private Map<String, String> form(String to, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        if (settings.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", settings.messagingServiceSid());
        } else {
            form.put("From", settings.fromNumber());
        }
        form.put("Body", text);
        form.put("StatusCallback", urls.statusCallback());
        return form;
    }

    private SendResult post(String messageId, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(messagesUrl)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        // The request timeout covers the answer's headers only; waiting on the future bounds its body too.
        CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return SendResult.retryable("Twilio did not answer within " + describe(timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return SendResult.retryable("Twilio did not answer within " + describe(timeout));
            }
            return SendResult.retryable("Twilio could not be reached: "
                    + (e.getCause() == null ? "unknown error" : e.getCause().getClass().getSimpleName()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return SendResult.retryable("Sending was interrupted");
        }
        SendResult result = interpret(response);
        logger.log(System.Logger.Level.DEBUG, "Message {0}: Twilio answered HTTP {1}", messageId,
                response.statusCode());
        return result;
    }

    private SendResult interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<JsonObject> json = parse(response.body());
        if (status >= 200 && status <= 299) {
            credentialProblem = null;
            return json.map(o -> o.get("sid")).filter(JsonValue::isString).map(JsonValue::asString)
                    .filter(sid -> !sid.isBlank())
                    .<SendResult>map(SendResult::sent)
                    // Not retryable: Twilio took the message, so sending again would send it twice.
                    .orElse(SendResult.permanent("Twilio accepted the message (HTTP " + status
                            + ") but its answer names no message sid"));
        }
        String reason = json.flatMap(MessageSender::codeAndMessage)
                .orElseGet(() -> "Twilio answered HTTP " + status + snippet(response.body()));
        if (status == 401) {
            credentialProblem = "Twilio refuses the account's credentials: " + reason;
        }
        if (status == 429 || status >= 500) {
            return new SendResult.Failed(reason, true, retryAfter(response).orElse(null));
        }
        return SendResult.permanent(reason);
    }

    /** Twilio's error body: {@code {"code": 21211, "message": "…", "more_info": "…", "status": 400}}. */
    private static Optional<String> codeAndMessage(JsonObject error) {
        JsonValue message = error.get("message");
        if (message == null || !message.isString()) {
            return Optional.empty();
        }
        JsonValue code = error.get("code");
        String prefix = code == null || code.isNull() ? "" : (code.isString() ? code.asString() : code.toString())
                + ": ";
        return Optional.of(truncate(prefix + message.asString()));
    }

    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.get());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<JsonObject> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonValue value = Json.parse(body);
            return value.isObject() ? Optional.of(value.asObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    private static String snippet(String body) {
        return body == null || body.isBlank() ? "" : ": " + truncate(body.strip());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
