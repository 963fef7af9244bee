package org.switchboard.plugins.metamessenger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookReply;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One Facebook Page's Messenger, or one Instagram professional account's direct messages.
 *
 * <pre>
 * GET  /hooks/{accountId}   Meta's subscription handshake: hub.mode=subscribe, hub.verify_token, hub.challenge
 *                           → 200 with the challenge; a wrong token → 403
 * POST /hooks/{accountId}   events, signed with X-Hub-Signature-256 (HMAC-SHA256 under the app secret)
 * </pre>
 */
final class MetaConnection implements ChannelConnection {

    private final MetaSettings settings;
    private final System.Logger logger;
    private final WebhookSignature signature;
    private final MessagingEvents events;
    private final ReplySender replies;
    private final List<String> secrets;
    private volatile String tokenProblem;
    private volatile String foreignAccountProblem;

    MetaConnection(MetaSettings settings, PluginContext plugin) {
        this.settings = settings;
        this.logger = plugin.logger();
        this.signature = new WebhookSignature(settings.appSecret());
        GraphApi graph = new GraphApi(settings, plugin.httpClient());
        this.events = new MessagingEvents(settings, plugin.clock(),
                new SenderNames(settings, graph, plugin.clock(), logger),
                new InboundMedia(plugin.httpClient()), new PageMessageLog());
        this.replies = new ReplySender(settings, graph, new ReplySender.Observer() {
            @Override
            public void tokenRefused(GraphError error) {
                tokenProblem = "Meta refused the access token (" + redact(error.message())
                        + "); paste a new one into the settings";
            }

            @Override
            public void sent() {
                tokenProblem = null;
            }
        });
        this.secrets = List.of(settings.accessToken(), settings.appSecret(), settings.verifyToken());
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        try {
            if (!request.subPath().isEmpty() && !request.subPath().equals("/")) {
                throw new WebhookRefused(404, "no " + settings.network().displayName() + " resource at "
                        + abbreviate(request.subPath()));
            }
            return switch (request.method()) {
                case "GET" -> handshake(request);
                case "POST" -> receive(request);
                default -> throw new WebhookRefused(405, request.method() + " is not used by Meta's webhooks");
            };
        } catch (WebhookRefused refused) {
            return WebhookResult.rejected(refused.status(), redact(refused.getMessage()));
        }
    }

    /** Meta checks the callback URL with a GET before it sends anything. */
    private WebhookResult handshake(WebhookRequest request) throws WebhookRefused {
        String mode = request.queryParameter("hub.mode").orElse("");
        if (!mode.equals("subscribe")) {
            throw WebhookRefused.badRequest("a webhook GET must be Meta's handshake with hub.mode=subscribe");
        }
        byte[] presented = request.queryParameter("hub.verify_token").orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, settings.verifyToken().getBytes(StandardCharsets.UTF_8))) {
            throw new WebhookRefused(403, "hub.verify_token does not match this account's verify token");
        }
        String challenge = request.queryParameter("hub.challenge").orElseThrow(
                () -> WebhookRefused.badRequest("hub.challenge is missing"));
        logger.log(System.Logger.Level.INFO, settings.network().displayName() + " webhook verified for "
                + settings.accountId());
        return WebhookResult.reply(WebhookReply.text(challenge));
    }

    private WebhookResult receive(WebhookRequest request) throws WebhookRefused {
        signature.verify(request.header(WebhookSignature.HEADER), request.body());
        MessagingEvents.Parsed parsed = events.parse(JsonPayload.parseObject(request.body()));
        noteForeignAccounts(parsed.foreignAccounts());
        return WebhookResult.accepted(List.<InboundEvent>copyOf(parsed.events()));
    }

    /**
     * Entries for another Page or account mean the Meta app serves several, or the configured id is wrong: either
     * way an admin should know, since those messages are not this account's.
     */
    private void noteForeignAccounts(Set<String> foreign) {
        if (foreign.isEmpty()) {
            return;
        }
        String problem = "webhooks arrive for " + settings.network().accountIdLabel() + " " + String.join(", ",
                foreign) + ", not the configured " + settings.accountId() + "; their events are ignored";
        if (!problem.equals(foreignAccountProblem)) {
            logger.log(System.Logger.Level.WARNING, problem);
        }
        foreignAccountProblem = problem;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        SendResult result = replies.send(message);
        if (result instanceof SendResult.Failed failed) {
            return new SendResult.Failed(redact(failed.reason()), failed.retryable(), failed.retryAfter());
        }
        return result;
    }

    @Override
    public ConnectionHealth health() {
        String token = tokenProblem;
        if (token != null) {
            return ConnectionHealth.unhealthy(token);
        }
        String foreign = foreignAccountProblem;
        return foreign == null ? ConnectionHealth.ok() : ConnectionHealth.unhealthy(foreign);
    }

    @Override
    public void close() {
        // Nothing held: the HTTP client is the host's.
    }

    /** Meta's messages should not contain our secrets, but a reason is shown to people: make sure. */
    private String redact(String text) {
        String clean = text;
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                clean = clean.replace(secret, "***");
            }
        }
        return clean;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    /** Never prints the token or the secrets. */
    @Override
    public String toString() {
        return "MetaConnection[" + settings + "]";
    }
}
