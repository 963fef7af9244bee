package org.switchboard.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;

/**
 * The plugin guide (docs/plugins.md), followed in a real headless Chromium with the JAR the build made from the
 * template {@code plugins/example-channel}: an admin uploads it, enables it with their password, creates an
 * "Example channel" account in the generated form; a system posts a message signed as the template's README says,
 * and it appears in the inbox; the agent's reply reaches the configured outbound URL, signed. Then it is
 * uninstalled again.
 *
 * <p>The JAR comes from {@code plugins/example-channel/target}: the reactor builds that module before the portal.
 * The portal's class path has none of its classes; they come only from the uploaded JAR. The Plugins page is the
 * one of branch {@code plugins} ({@code #plugin-upload}, {@code #plugin-upload-result}, {@code #enable-<id>},
 * {@code #plugin-password}, {@code #plugin-password-confirm}, {@code #stop-<id>}, {@code #uninstall-<id>}).
 */
@PortalTest
class PluginKitEndToEndTest extends BrowserTest {

    private static final String PLUGIN_ID = "example-channel";
    private static final String SECRET = "kit-e2e-shared-secret-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    ChannelAccounts accounts;

    @Test
    void the_example_plugin_installs_through_the_browser_and_carries_messages_both_ways() throws Exception {
        String baseUrl = "http://localhost:" + port;
        String marker = "kit" + UUID.randomUUID().toString().substring(0, 8);
        String accountName = "Example " + marker;
        String question = "Hello from the example channel, where is order " + marker + "?";
        String answer = "It ships today, " + marker + ".";

        try (ProviderStub receiver = ProviderStub.start();
                BrowserContext context = browser.newContext()) {
            receiver.always("POST", "/replies", ProviderStub.Answer.json(200, "{\"id\":\"app-1\"}"));
            AgentPage agent = new AgentPage(context.newPage(), baseUrl)
                    .signIn(TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD);
            AdminPages admin = new AdminPages(agent.page(), baseUrl)
                    .uploadPlugin(exampleChannelJar(), PLUGIN_ID)
                    .enablePlugin(PLUGIN_ID, TestData.ADMIN_PASSWORD)
                    .createChannelAccount("Example channel (example)", accountName, Map.of(
                            "outboundUrl", receiver.baseUrl() + "/replies",
                            "secret", SECRET));
            String accountId = accounts.listByConnector("example").stream()
                    .filter(a -> a.name().equals(accountName)).map(ChannelAccountView::id).findFirst()
                    .orElseThrow();
            admin.showsWebhookUrl("/hooks/" + accountId);

            // The sending system, exactly as plugins/example-channel/README.md tells it to sign.
            String body = "{\"id\":\"" + marker + "-1\",\"from\":\"user-" + marker + "\",\"name\":\"Ada Kit\","
                    + "\"text\":\"" + question + "\"}";
            assertThat(postSigned(baseUrl + "/hooks/" + accountId, body, SECRET)).isEqualTo(200);
            assertThat(postSigned(baseUrl + "/hooks/" + accountId, body, "not-the-shared-secret-000000"))
                    .as("a wrong signature is refused").isEqualTo(401);

            agent.page().navigate(baseUrl);
            agent.openConversationWith(question).reply(answer);

            RecordedRequest reply = receiver.takeRequest(30);
            assertThat(reply.bodyAsString()).contains("\"to\":\"user-" + marker + "\"", answer);
            assertThat(reply.header("x-example-signature")).contains(signature(SECRET, reply.body()));

            accounts.setEnabled(accountId, false);
            admin.uninstallPlugin(PLUGIN_ID);
        }
    }

    /** The template's JAR as the reactor built it (not the unshaded original, not a test JAR). */
    private static Path exampleChannelJar() throws IOException {
        Path target = Path.of("..", "plugins", "example-channel", "target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(PLUGIN_ID + "-") && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                        && !name.endsWith("-sources.jar");
            }).toList();
        }
        assertThat(jars).as("the example channel JAR in %s; build it first: ./mvnw install -pl "
                + "plugins/example-channel -am", target.toAbsolutePath().normalize()).hasSize(1);
        return jars.getFirst().toAbsolutePath();
    }

    private static int postSigned(String url, String json, String secret) throws IOException, InterruptedException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Example-Signature", signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, body)>}, written from the README, not from the plugin's code. */
    private static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
