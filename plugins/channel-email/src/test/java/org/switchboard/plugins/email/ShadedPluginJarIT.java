package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.JarPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.switchboard.plugin.api.PluginApi;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * The packaged plugin JAR, loaded by PF4J as the portal loads it, sends and receives real mail.
 *
 * <p>This is where the shading is measured: Jakarta Mail and Activation find providers and content handlers
 * through service files, text files and the context class loader. The test's own class path holds the original,
 * unrelocated Jakarta Mail and Angus Mail (as a host might), the plugin's classes are not on it (failsafe's
 * {@code classesDirectory} is empty), and the calling thread's context class loader is the application's, as on
 * the portal's dispatcher threads. Uses only this module's test resources and JDK/PF4J/plugin-API types.
 */
class ShadedPluginJarIT {

    private static final String ADDRESS = "support@example.com";
    private static final String PASSWORD = "it-secret-password";

    @TempDir
    Path pluginsRoot;

    private GreenMail greenMail;
    private TestPluginContext pluginContext;
    private JarPluginManager manager;
    private ChannelConnection connection;
    private int smtpPort;
    private int imapPort;

    @BeforeEach
    void start() throws IOException {
        smtpPort = freePort();
        imapPort = freePort();
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        Path jar = Path.of(System.getProperty("email.plugin.jar"));
        Files.copy(jar, pluginsRoot.resolve(jar.getFileName()));
        pluginContext = new TestPluginContext("channel-email");
        manager = new JarPluginManager(pluginsRoot) {
            @Override
            protected PluginFactory createPluginFactory() {
                return new DefaultPluginFactory() {
                    @Override
                    protected Plugin createInstance(Class<?> pluginClass, PluginWrapper wrapper) {
                        try {
                            return (Plugin) pluginClass.getConstructor(PluginContext.class).newInstance(pluginContext);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
            }
        };
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        manager.stopPlugin("channel-email");
        manager.unloadPlugin("channel-email");
        pluginContext.close();
        greenMail.stop();
    }

    private ChannelConnector connector() {
        PluginWrapper plugin = manager.getPlugin("channel-email");
        assertThat(plugin).as("plugin loaded from the JAR").isNotNull();
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(plugin.getPlugin()).isInstanceOf(SwitchboardPlugin.class);
        List<ChannelConnector> connectors = manager.getExtensions(ChannelConnector.class, "channel-email");
        assertThat(connectors).hasSize(1);
        return connectors.getFirst();
    }

    private TestConnectionContext open() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("imapHost", "127.0.0.1");
        config.put("imapPort", String.valueOf(imapPort));
        config.put("imapSecurity", "none");
        config.put("imapUsername", ADDRESS);
        config.put("imapPassword", PASSWORD);
        config.put("pollSeconds", "600");
        config.put("smtpHost", "127.0.0.1");
        config.put("smtpPort", String.valueOf(smtpPort));
        config.put("smtpSecurity", "none");
        config.put("fromAddress", ADDRESS);
        config.put("fromName", "Example Support");
        TestConnectionContext context = new TestConnectionContext(config,
                URI.create("https://portal.example.test/hooks/a1"), pluginContext);
        connection = connector().open(context);
        return context;
    }

    @Test
    void the_jar_declares_the_plugin_and_carries_jakarta_mail_relocated() {
        assertThat(ShadedPluginJarIT.class.getClassLoader().getResource("org/switchboard/plugins/email/EmailConnector.class"))
                .as("the plugin's classes come from the JAR only, not from the test class path").isNull();
        PluginWrapper plugin = manager.getPlugin("channel-email");
        assertThat(plugin.getDescriptor().getRequires()).isEqualTo(">=0.2.0 & <1.0.0");
        ChannelConnector connector = connector();
        assertThat(connector.descriptor().id()).isEqualTo("email");
        ClassLoader loader = connector.getClass().getClassLoader();
        assertThat(loader).isSameAs(plugin.getPluginClassLoader());
        assertThat(loader.getResource("org/switchboard/plugins/email/shaded/jakarta/mail/Session.class")).isNotNull();
        assertThat(loader.getResource("org/switchboard/plugins/email/shaded/jsoup/Jsoup.class")).isNotNull();
        assertThat(loader.getResource("META-INF/services/org.switchboard.plugins.email.shaded.jakarta.mail.Provider"))
                .isNotNull();
    }

    @Test
    void the_shaded_plugin_sends_a_multipart_reply_with_an_attachment_over_smtp() throws Exception {
        open();
        OutboundMessage reply = new OutboundMessage("it-1", "42", Identity.email("ann@customer.example.org"),
                "Agent", "Grüße, see the invoice.", "<p>Grüße, see the <b>invoice</b>.</p>",
                List.of(new Attachment("invoice.pdf", "application/pdf",
                        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), false, null)),
                new ThreadingHints("Invoice", null, "c-1@customer.example.org", List.of()));

        SendResult result = connection.send(reply);

        assertThat(result).isEqualTo(SendResult.sent("it-1@example.com"));
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessagesForDomain("customer.example.org")[0];
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<c-1@customer.example.org>");
        assertThat(received.getSubject()).isEqualTo("Re: Invoice [#42]");
        String raw = new String(received.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(raw).contains("multipart/alternative", "text/html", "invoice.pdf");
    }

    @Test
    void the_shaded_plugin_receives_a_multipart_mail_over_imap() throws Exception {
        TestConnectionContext context = open();
        byte[] raw;
        try (InputStream in = ShadedPluginJarIT.class.getResourceAsStream("/mail/inline-image.eml")) {
            raw = in.readAllBytes();
        }
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(ADDRESS);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));

        InboundMessage message = (InboundMessage) context.awaitPushed(1, Duration.ofSeconds(60)).getFirst();
        assertThat(message.externalId()).isEqualTo("related-0004@customer.example.org");
        assertThat(message.text()).isEqualTo("The checkout shows this error: [image: error.png]");
        assertThat(message.html()).contains("cid:ii_error01");
        assertThat(message.attachments()).extracting(Attachment::fileName).containsExactly("error.png",
                "original.eml");
        assertThat(connection.health().healthy()).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
