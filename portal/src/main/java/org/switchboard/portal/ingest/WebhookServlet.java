package org.switchboard.portal.ingest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.channel.ChannelUnavailableException;
import org.switchboard.portal.channel.UnknownChannelAccountException;

/**
 * {@code /hooks/{accountId}/**}: hands the raw request to the account's connection, stores what it returns and
 * only then answers. Status codes tell providers what to do: 2xx stored (or already stored), 4xx do not retry
 * (nothing stored), 503 retry later (nothing lost, nothing stored).
 *
 * <p>A plain servlet ({@link WebhookServletRegistration}), not a Spring MVC controller: every method and path below
 * the account goes to the plugin as it came, so handler mapping, argument resolution and content negotiation would
 * only cost time. In the ingest benchmark they took a third of the request thread's CPU.
 */
class WebhookServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(WebhookServlet.class);
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final String JSON = "application/json";
    static final String PATH = "/hooks/";

    private final transient ChannelConnections connections;
    private final transient InboundPipeline pipeline;
    private final transient WebhookProperties properties;
    private final transient RejectedDeliveries rejectedDeliveries;
    private final transient AuditLog audit;

    WebhookServlet(ChannelConnections connections, InboundPipeline pipeline, WebhookProperties properties,
            RejectedDeliveries rejectedDeliveries, AuditLog audit) {
        this.connections = connections;
        this.pipeline = pipeline;
        this.properties = properties;
        this.rejectedDeliveries = rejectedDeliveries;
        this.audit = audit;
    }

    /* Every method: providers verify with GET, deliver with POST, browsers ask with OPTIONS (the plugin's CORS). */
    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        Answer answer;
        try {
            answer = receive(http);
        } catch (RuntimeException e) {
            // Answered here, as a 500 the provider retries: the container's error page would be the portal's login.
            log.error("Webhook {} failed unexpectedly", http.getRequestURI(), e);
            answer = problem(500, "internal error; retry later");
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private Answer receive(HttpServletRequest http) throws IOException {
        // "/hooks" itself maps here too, with nothing after the prefix.
        String uri = http.getRequestURI();
        int prefix = http.getContextPath().length() + PATH.length();
        String afterPrefix = uri.length() < prefix ? "" : uri.substring(prefix);
        int slash = afterPrefix.indexOf('/');
        String accountId = slash < 0 ? afterPrefix : afterPrefix.substring(0, slash);
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            return problem(404, "unknown channel account");
        }
        if (http.getContentLengthLong() > properties.maxBodyBytes()) {
            return problem(413, "body larger than " + properties.maxBodyBytes() + " bytes");
        }
        byte[] body = readBounded(http.getInputStream(), properties.maxBodyBytes());
        if (body == null) {
            return problem(413, "body larger than " + properties.maxBodyBytes() + " bytes");
        }

        ChannelConnection connection;
        try {
            connection = connections.connection(accountId);
        } catch (UnknownChannelAccountException e) {
            return problem(404, "unknown channel account");
        } catch (ChannelUnavailableException e) {
            log.warn("Webhook for unavailable account {}: {}", accountId, e.getMessage());
            return problem(503, "channel temporarily unavailable");
        } catch (DataAccessException | TransactionException e) {
            return unavailable(accountId, e);
        }

        WebhookRequest request = toRequest(http, slash < 0 ? "" : afterPrefix.substring(slash), body);
        WebhookResult result;
        try {
            result = connection.handleWebhook(request);
        } catch (RuntimeException e) {
            log.error("Channel plugin failed on a webhook for account {}", accountId, e);
            return problem(500, "the channel plugin failed on this request");
        }

        return switch (result) {
            case WebhookResult.Rejected rejected -> {
                log.info("Webhook for account {} rejected: {} {}", accountId, rejected.status(), rejected.reason());
                remember(accountId, request, rejected.status(), rejected.reason());
                yield problem(rejected.status(), rejected.reason());
            }
            case WebhookResult.Accepted accepted -> {
                try {
                    pipeline.ingest(accountId, accepted.events());
                } catch (RejectedEventException e) {
                    remember(accountId, request, 400, e.getMessage());
                    yield problem(400, e.getMessage());
                } catch (DataAccessException | TransactionException e) {
                    yield unavailable(accountId, e);
                }
                WebhookReply reply = accepted.reply();
                yield new Answer(reply.status(), reply.headers(), reply.contentType(), reply.body());
            }
        };
    }

    /** Malformed deliveries are kept for admins; refused signatures are audited (they may be an attack). */
    private void remember(String accountId, WebhookRequest request, int status, String reason) {
        if (status == 401 || status == 403) {
            audit.record("remote " + request.remoteAddress(), AuditLog.WEBHOOK_SIGNATURE_REFUSED,
                    "channel-account:" + accountId, status + " " + reason);
        } else if (status == 400 || status == 422) {
            rejectedDeliveries.keep(accountId, request, status, reason);
        }
    }

    private static WebhookRequest toRequest(HttpServletRequest http, String subPath, byte[] body) {
        // Parsed by hand: getParameterMap() would mix in (and consume) form fields of the body.
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (http.getQueryString() != null) {
            for (String pair : http.getQueryString().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(http.getHeaders(name))));
        }
        return new WebhookRequest(http.getMethod().toUpperCase(Locale.ROOT), subPath, query, headers, body,
                http.getRemoteAddr());
    }

    /** Reads at most {@code max} bytes; {@code null} when the body is longer (chunked bodies have no length). */
    private static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static Answer unavailable(String accountId, Exception e) {
        log.error("Database unavailable while receiving a webhook for account {}: {}", accountId, e.getMessage());
        return new Answer(503, Map.of("Retry-After", "30"), JSON, json("storage temporarily unavailable, retry later"));
    }

    private static Answer problem(int status, String reason) {
        return new Answer(status, Map.of(), JSON, json(reason));
    }

    private static byte[] json(String reason) {
        String escaped = reason.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
        return ("{\"error\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** What the servlet writes back. */
    private record Answer(int status, Map<String, String> headers, String contentType, byte[] body) {
    }
}
