package org.switchboard.plugins.webchat;

import com.eclipsesource.json.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One website's chat: serves the widget and its protocol under {@code /hooks/{accountId}}, and wakes the widget
 * when an agent replies.
 *
 * <pre>
 * GET     /widget.js   the widget script                                  (any page)
 * GET     /config      {title, greeting, preChatForm}                     (any page)
 * POST    /session     [{visitorId, token}] → {visitorId, token}: a new     (allowed origins)
 *                      visitor, or the same one if the body's token is valid
 * POST    /messages    {id, text, name?, email?} → {ok}: one message       (allowed origins, visitor headers)
 * GET     /messages    ?since=&amp;wait= → {messages:[…]}: long poll          (allowed origins, visitor headers)
 * OPTIONS any          CORS preflight
 * </pre>
 *
 * The widget script and the config are public and read-only, so any page may fetch them; the rest refuses pages
 * the admin did not allow.
 */
final class WebchatConnection implements ChannelConnection {

    /** Visitors with a waiting poll that get an instant wake-up; beyond this, polls wait out their time. */
    static final int MAX_WAITING_VISITORS = 10_000;
    /** Long enough for any real user agent, short enough that a junk header can't bloat every stored message. */
    private static final int MAX_METADATA_LENGTH = 512;

    private final WebchatSettings settings;
    private final byte[] widgetScript;
    private final Clock clock;
    private final VisitorTokens tokens;
    private final CorsPolicy cors;
    private final WakeUpSignals signals = new WakeUpSignals(MAX_WAITING_VISITORS);
    private final MessageFeed feed;

    WebchatConnection(WebchatSettings settings, ConnectionContext context, byte[] widgetScript) {
        this.settings = settings;
        this.widgetScript = widgetScript.clone();
        this.clock = context.plugin().clock();
        this.tokens = new VisitorTokens(settings.signingKey());
        this.cors = new CorsPolicy(settings.allowedOrigins());
        this.feed = new MessageFeed(context.history(), signals, clock);
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        Optional<String> origin = request.header("Origin");
        try {
            return cors.decorate(route(request, origin), origin);
        } catch (RequestRefused refused) {
            return WebhookResult.rejected(refused.status(), refused.getMessage());
        }
    }

    private WebhookResult route(WebhookRequest request, Optional<String> origin) throws RequestRefused {
        String method = request.method();
        String path = request.subPath();
        if (method.equals("OPTIONS")) {
            return WebhookResult.reply(cors.preflight(origin));
        }
        String route = method + " " + path;
        if (!route.equals("GET /widget.js") && !route.equals("GET /config")) {
            cors.requireAllowed(origin);
        }
        return switch (route) {
            case "GET /widget.js" -> WebhookResult.reply(widget());
            case "GET /config" -> WebhookResult.reply(config());
            case "POST /session" -> WebhookResult.reply(session(request));
            case "POST /messages" -> receive(request);
            case "GET /messages" -> feed.poll(tokens.authenticate(request),
                    request.queryParameter("since").orElse(""),
                    MessageFeed.parseWait(request.queryParameter("wait")));
            default -> throw new RequestRefused(404, "no web-chat resource " + abbreviate(route, 80));
        };
    }

    private WebhookReply widget() {
        return new WebhookReply(200, "application/javascript; charset=utf-8", widgetScript.clone(),
                Map.of("Cache-Control", "public, max-age=300"));
    }

    private WebhookReply config() {
        return JsonReplies.json(Json.object()
                .add("title", settings.title())
                .add("greeting", settings.greeting())
                .add("preChatForm", settings.preChatForm()));
    }

    /**
     * A new visitor, unless the body presents credentials that are still valid: then the same ones. This lets the
     * widget check its stored token in a reply it can read, since rejections carry no CORS headers and look like
     * network errors to a browser.
     */
    private WebhookReply session(WebhookRequest request) throws RequestRefused {
        String visitorId = null;
        if (!request.bodyAsString().isBlank()) {
            JsonBody body = JsonBody.parse(request.body());
            String presentedId = body.string("visitorId").orElse("");
            String presentedToken = body.string("token").orElse("");
            if (tokens.isValid(presentedId, presentedToken)) {
                visitorId = presentedId;
            }
        }
        if (visitorId == null) {
            visitorId = tokens.newVisitorId();
        }
        return JsonReplies.json(Json.object().add("visitorId", visitorId).add("token", tokens.tokenFor(visitorId)));
    }

    private WebhookResult receive(WebhookRequest request) throws RequestRefused {
        String visitorId = tokens.authenticate(request); // before parsing: strangers learn nothing about the format
        VisitorMessage message = VisitorMessage.parse(request.body());
        Map<String, String> metadata = new LinkedHashMap<>();
        request.header("Origin").ifPresent(origin -> metadata.put("origin", abbreviate(origin, MAX_METADATA_LENGTH)));
        request.header("User-Agent")
                .ifPresent(agent -> metadata.put("userAgent", abbreviate(agent, MAX_METADATA_LENGTH)));
        return WebhookResult.accepted(List.of(message.toInboundMessage(visitorId, clock.instant(), metadata)),
                JsonReplies.json(Json.object().add("ok", true)));
    }

    /**
     * Nothing to transmit: the reply is already in the store, where the widget's poll reads it. Sending only wakes
     * that poll, so the visitor sees the reply at once.
     */
    @Override
    public SendResult send(OutboundMessage message) {
        Identity recipient = message.recipient();
        if (!recipient.kind().equals(IdentityKind.WEBCHAT_VISITOR) || !VisitorTokens.isVisitorId(recipient.value())) {
            return SendResult.permanent("website chat can only reply to a chat visitor, not " + recipient.kind());
        }
        if (!message.attachments().isEmpty()) {
            return SendResult.permanent("website chat cannot carry attachments");
        }
        signals.wake(recipient.value());
        return SendResult.sent(message.messageId());
    }

    @Override
    public void close() {
        signals.close();
    }

    /** How many visitors have a waiting poll; lets tests wait until a poll is really waiting. */
    int waitingVisitors() {
        return signals.waitingVisitors();
    }

    private static String abbreviate(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
