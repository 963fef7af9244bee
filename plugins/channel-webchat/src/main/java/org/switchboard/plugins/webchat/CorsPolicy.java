package org.switchboard.plugins.webchat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * Lets the widget, running on the customer's web site, call the portal on another origin, and only from the
 * pages the admin allowed.
 *
 * <p>The allowed origin is echoed rather than answered with {@code *}, because the answer varies by request
 * ({@code Vary: Origin}) and an echo keeps working if credentials are ever needed. Requests without an
 * {@code Origin} header are not cross-origin browser requests: the visitor token, not CORS, protects those.
 */
final class CorsPolicy {

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS =
            "Content-Type, " + VisitorTokens.VISITOR_ID_HEADER + ", " + VisitorTokens.VISITOR_TOKEN_HEADER;
    /** Seconds a browser may reuse a preflight answer; browsers cap it anyway (Chromium at 7200). */
    static final String MAX_AGE = "600";

    private final AllowedOrigins allowedOrigins;

    CorsPolicy(AllowedOrigins allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    /**
     * Refuses a page the admin did not allow.
     *
     * @throws RequestRefused 403 when the request carries a disallowed {@code Origin}
     */
    void requireAllowed(Optional<String> origin) throws RequestRefused {
        if (origin.isPresent() && !allowedOrigins.allows(origin.get())) {
            throw new RequestRefused(403, "this page's origin may not use this chat; add it to allowedOrigins");
        }
    }

    /** The answer to a preflight {@code OPTIONS}; {@link #decorate} adds the allowed origin. */
    WebhookReply preflight(Optional<String> origin) throws RequestRefused {
        requireAllowed(origin);
        return new WebhookReply(204, "text/plain", new byte[0], Map.of(
                "Access-Control-Allow-Methods", ALLOWED_METHODS,
                "Access-Control-Allow-Headers", ALLOWED_HEADERS,
                "Access-Control-Max-Age", MAX_AGE));
    }

    /**
     * Adds the CORS headers to an accepted request's reply. A rejection can carry no headers in this plugin API,
     * so a browser sees it as a network error rather than a readable 4xx.
     */
    WebhookResult decorate(WebhookResult result, Optional<String> origin) {
        return switch (result) {
            case WebhookResult.Accepted(var events, var reply) ->
                    new WebhookResult.Accepted(events, withHeaders(reply, origin));
            case WebhookResult.Rejected rejected -> rejected;
        };
    }

    private WebhookReply withHeaders(WebhookReply reply, Optional<String> origin) {
        Map<String, String> headers = new HashMap<>(reply.headers());
        headers.put("Vary", "Origin");
        headers.put("X-Content-Type-Options", "nosniff");
        origin.filter(allowedOrigins::allows).ifPresent(o -> headers.put("Access-Control-Allow-Origin", o));
        return new WebhookReply(reply.status(), reply.contentType(), reply.body(), headers);
    }
}
