package org.switchboard.portal.testplugins;

import java.util.Locale;

/**
 * Ready-made test plugins, each a {@link TestPluginJar} still to be written into a plugins directory.
 *
 * <p>Every plugin's classes live in a package derived from its plugin id ({@code testplugin.<id>}), so two test
 * plugins never share a class name. All of them are Spring-free and compile against the plugin API only.
 *
 * <p>The channel plugin talks to its "provider" over HTTP, like a real channel: {@code send} POSTs the text to the
 * account's {@code url} (see {@link FakeProvider}) with the message id as {@code Idempotency-Key}; a 2xx answer is
 * {@code Sent} with the response body as the provider's id, 429 and 5xx are retryable, any other 4xx is permanent with
 * the response body as the reason. Its webhook turns {@code ?id=…&from=…[&name=…]} plus a text body into one
 * inbound message and rejects a request without {@code id} or {@code from} with 400.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** A channel plugin contributing the connector {@code connectorId} for identities of kind "phone". */
    public static TestPluginJar channel(String pluginId, String connectorId) {
        return channel(pluginId, connectorId, "phone");
    }

    /** A channel plugin contributing the connector {@code connectorId} for identities of the given kind. */
    public static TestPluginJar channel(String pluginId, String connectorId, String identityKind) {
        String pkg = packageOf(pluginId);
        return channelClasses(pluginId, connectorId, identityKind)
                .pluginClass(pkg + ".ChannelPlugin")
                .source(pkg + ".ChannelPlugin", fill(CHANNEL_PLUGIN, pkg, connectorId, identityKind));
    }

    /** The channel plugin without a {@code Plugin-Class}: PF4J's plain plugin, the host never constructs it. */
    public static TestPluginJar channelWithoutPluginClass(String pluginId, String connectorId) {
        return channelClasses(pluginId, connectorId, "phone");
    }

    /** A channel plugin that refuses to start: its {@code start()} throws with the given message. */
    public static TestPluginJar failingOnStart(String pluginId, String connectorId, String message) {
        String pkg = packageOf(pluginId);
        return channelClasses(pluginId, connectorId, "phone")
                .pluginClass(pkg + ".FailingPlugin")
                .source(pkg + ".FailingPlugin", fill(FAILING_PLUGIN, pkg, connectorId, "phone")
                        .replace("{{message}}", message.replace("\\", "\\\\").replace("\"", "\\\"")));
    }

    /** A channel plugin whose {@code start()} blocks, deaf to interrupts, until the test releases it. */
    public static HangingPlugin hangingOnStart(String pluginId, String connectorId) {
        return new HangingPlugin(pluginId, connectorId);
    }

    /** A channel plugin that needs a plugin which is not installed. */
    public static TestPluginJar needing(String pluginId, String connectorId, String absentPluginId) {
        return channel(pluginId, connectorId).dependencies(absentPluginId);
    }

    /** A channel plugin built for a future plugin API: {@code Plugin-Requires: >=2.0.0}. */
    public static TestPluginJar requiringApi2(String pluginId, String connectorId) {
        return channel(pluginId, connectorId).requires(">=2.0.0");
    }

    static String packageOf(String pluginId) {
        return "testplugin." + pluginId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    static String fill(String template, String pkg, String connectorId, String identityKind) {
        return template.replace("{{package}}", pkg).replace("{{connectorId}}", connectorId)
                .replace("{{identityKind}}", identityKind);
    }

    private static TestPluginJar channelClasses(String pluginId, String connectorId, String identityKind) {
        String pkg = packageOf(pluginId);
        return TestPluginJar.plugin(pluginId)
                .source(pkg + ".Connector", fill(CONNECTOR, pkg, connectorId, identityKind))
                .source(pkg + ".Connection", fill(CONNECTION, pkg, connectorId, identityKind));
    }

    private static final String CONNECTOR = """
            package {{package}};

            import java.net.URI;
            import java.util.List;
            import java.util.Set;
            import org.pf4j.Extension;
            import org.switchboard.plugin.api.channel.ChannelCapability;
            import org.switchboard.plugin.api.channel.ChannelConnection;
            import org.switchboard.plugin.api.channel.ChannelConnector;
            import org.switchboard.plugin.api.channel.ChannelDescriptor;
            import org.switchboard.plugin.api.channel.ChannelException;
            import org.switchboard.plugin.api.channel.ConnectionContext;
            import org.switchboard.plugin.api.channel.IdentityKind;
            import org.switchboard.plugin.api.config.ConfigField;
            import org.switchboard.plugin.api.config.FieldType;

            @Extension
            public class Connector implements ChannelConnector {

                static final IdentityKind KIND = new IdentityKind("{{identityKind}}");

                @Override
                public ChannelDescriptor descriptor() {
                    return new ChannelDescriptor("{{connectorId}}", "Test channel {{connectorId}}", KIND,
                            Set.of(ChannelCapability.DELIVERY_RECEIPTS), 1000, null);
                }

                @Override
                public List<ConfigField> configSchema() {
                    return List.of(new ConfigField("url", "Provider URL", FieldType.URL, true, false, null,
                            "Where messages are sent"));
                }

                @Override
                public ChannelConnection open(ConnectionContext context) throws ChannelException {
                    String url = context.config().get("url")
                            .orElseThrow(() -> new ChannelException("the provider URL is missing"));
                    return new Connection(context, URI.create(url));
                }
            }
            """;

    private static final String CONNECTION = """
            package {{package}};

            import java.io.IOException;
            import java.net.URI;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.time.Duration;
            import java.util.List;
            import org.switchboard.plugin.api.channel.ChannelConnection;
            import org.switchboard.plugin.api.channel.ConnectionContext;
            import org.switchboard.plugin.api.channel.Identity;
            import org.switchboard.plugin.api.channel.InboundMessage;
            import org.switchboard.plugin.api.channel.OutboundMessage;
            import org.switchboard.plugin.api.channel.SendResult;
            import org.switchboard.plugin.api.channel.WebhookRequest;
            import org.switchboard.plugin.api.channel.WebhookResult;

            final class Connection implements ChannelConnection {

                private final ConnectionContext context;
                private final URI provider;

                Connection(ConnectionContext context, URI provider) {
                    this.context = context;
                    this.provider = provider;
                }

                @Override
                public WebhookResult handleWebhook(WebhookRequest request) {
                    var id = request.queryParameter("id");
                    var from = request.queryParameter("from");
                    if (id.isEmpty() || from.isEmpty()) {
                        return WebhookResult.rejected(400, "id and from are required");
                    }
                    InboundMessage message = InboundMessage.text(id.get(), new Identity(Connector.KIND, from.get()),
                            request.queryParameter("name").orElse(null), request.bodyAsString(),
                            context.plugin().clock().instant());
                    return WebhookResult.accepted(List.of(message));
                }

                @Override
                public SendResult send(OutboundMessage message) {
                    HttpRequest request = HttpRequest.newBuilder(provider)
                            .timeout(Duration.ofSeconds(30))
                            .header("Idempotency-Key", message.messageId())
                            .header("X-Recipient", message.recipient().value())
                            .POST(HttpRequest.BodyPublishers.ofString(message.text()))
                            .build();
                    try {
                        HttpResponse<String> response = context.plugin().httpClient()
                                .send(request, HttpResponse.BodyHandlers.ofString());
                        int status = response.statusCode();
                        String body = response.body().strip();
                        if (status >= 200 && status < 300) {
                            return SendResult.sent(body);
                        }
                        if (status == 429 || status >= 500) {
                            return SendResult.retryable("HTTP " + status + ": " + body);
                        }
                        return SendResult.permanent(body);
                    } catch (IOException e) {
                        return SendResult.retryable("provider unreachable: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return SendResult.retryable("interrupted while sending");
                    }
                }

                @Override
                public void close() {
                }
            }
            """;

    private static final String CHANNEL_PLUGIN = """
            package {{package}};

            import org.switchboard.plugin.api.PluginContext;
            import org.switchboard.plugin.api.SwitchboardPlugin;

            public class ChannelPlugin extends SwitchboardPlugin {

                public ChannelPlugin(PluginContext context) {
                    super(context);
                }

                @Override
                public void start() {
                    context().logger().log(System.Logger.Level.INFO, "test channel {{connectorId}} started");
                }
            }
            """;

    private static final String FAILING_PLUGIN = """
            package {{package}};

            import org.switchboard.plugin.api.PluginContext;
            import org.switchboard.plugin.api.SwitchboardPlugin;

            public class FailingPlugin extends SwitchboardPlugin {

                public FailingPlugin(PluginContext context) {
                    super(context);
                }

                @Override
                public void start() {
                    throw new IllegalStateException("{{message}}");
                }
            }
            """;
}
