package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugins.api.ApiScenario;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channel.health.AccountHealth;
import org.switchboard.portal.channel.health.ChannelHealth;
import org.switchboard.portal.channels.ScenarioDelivery;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.outbound.ReplyService;
import org.switchboard.portal.plugin.PluginAdministration;
import org.switchboard.portal.plugin.PluginProperties;
import org.switchboard.portal.plugin.PluginRefusedException;
import org.switchboard.portal.plugin.PluginStatus;
import org.switchboard.portal.testplugins.PluginJarEdits;
import org.switchboard.portal.testplugins.TestPlugins;

/**
 * Plugin administration in one running portal, on real plugin JARs and the real database: the first-party generic
 * API channel is uploaded (it is not bundled in this portal), enabled with the admin's password, used, upgraded to
 * a "version 2" made from the same JAR, stopped and started with a reply waiting, and uninstalled.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class PluginAdministrationTest extends SpringBrowserlessTest {

    private static final String API = "channel-api";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        registry.add("switchboard.plugins.install-bundled", () -> "false");
        registry.add("switchboard.demo.enabled", () -> "false");
        registry.add("switchboard.plugins.watch-interval", () -> "PT0.2S");
        // A reply waiting for a stopped plugin must go out because the plugin started, not because time passed.
        registry.add("switchboard.delivery.unavailable-retry", () -> "PT10M");
    }

    @LocalServerPort
    int port;

    @Autowired
    PluginAdministration administration;

    @Autowired
    PluginProperties pluginProperties;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ChannelConnections connections;

    @Autowired
    ChannelHealth health;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    ReplyService replies;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    ConversationQueries queries;

    @Autowired
    AgentDirectory agents;

    @Autowired
    AuditLog audit;

    @Autowired
    DataSource dataSource;

    private final ApiScenario api = new ApiScenario();
    private ProviderStub provider;

    @AfterEach
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void upload_enable_use_upgrade_use_and_uninstall_a_plugin_in_one_running_portal() throws Exception {
        if (installed(API)) {
            administration.uninstall(API);
        }
        PluginsView view = navigate(PluginsView.class);

        // Upload through the page: installed, but disabled.
        test(view.upload).upload("channel-api.jar", "application/java-archive",
                Files.readAllBytes(PluginJarEdits.bundled(API)));
        roundTrip();
        assertThat(view.uploadResult.getText()).contains("Installed channel-api 0.1.0");
        assertThat(status(API).state()).isEqualTo("DISABLED");
        assertThat(accountsCanUse("api")).isFalse();

        // A wrong password changes nothing.
        assertThatThrownBy(() -> administration.enable(API, "not my password"))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("password is not right");
        assertThat(status(API).state()).isEqualTo("DISABLED");

        PluginStatus enabled = administration.enable(API, TestData.ADMIN_PASSWORD);
        assertThat(enabled.state()).isEqualTo("STARTED");
        assertThat(enabled.connectors()).containsExactly("api");

        // A message flows in through its webhook.
        provider = ProviderStub.start();
        String accountId = accounts.create("API " + UUID.randomUUID(), "api", api.config(provider.baseUrl())).id();
        String sender = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(deliver(accountId, sender, "Before the upgrade")).isEqualTo(200);
        ChannelConnection v1 = connections.connection(accountId);

        // Upgrade to a version 2 made from the same JAR, through the page: asks the password, then replaces it.
        Path v2 = PluginJarEdits.withManifest(PluginJarEdits.bundled(API), Map.of("Plugin-Version", "0.2.0"),
                TestData.newDirectory().root().resolve("channel-api-0.2.0.jar"));
        test(view.upload).upload("channel-api-0.2.0.jar", "application/java-archive", Files.readAllBytes(v2));
        roundTrip();
        assertThat(view.openPasswordDialog.isOpened()).isTrue();
        test(view.openPasswordDialog.password).setValue(TestData.ADMIN_PASSWORD);
        test(view.openPasswordDialog.confirm).click();
        roundTrip();
        PluginStatus upgraded = status(API);
        assertThat(upgraded.version()).isEqualTo("0.2.0");
        assertThat(upgraded.state()).isEqualTo("STARTED");

        // The message flows through version 2: the account's connection was closed and reopened on it.
        assertThat(deliver(accountId, sender, "After the upgrade")).isEqualTo(200);
        ChannelConnection v2Connection = connections.connection(accountId);
        assertThat(v2Connection).isNotSameAs(v1);
        assertThat(v2Connection.getClass().getClassLoader()).isNotSameAs(v1.getClass().getClassLoader());
        assertThat(new JdbcTemplate(dataSource).queryForList("select body_text from message where"
                + " channel_account_id = ? order by id", String.class, accountId))
                .containsExactly("Before the upgrade", "After the upgrade");

        // The same version again is refused unless confirmed.
        var again = administration.stage("channel-api-0.2.0.jar", Files.newInputStream(v2));
        assertThatThrownBy(() -> administration.upgrade(again, TestData.ADMIN_PASSWORD, false))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("confirm to install it anyway");

        // Uninstalled: the account stays and says it is unavailable.
        administration.uninstall(API);
        assertThat(installed(API)).isFalse();
        AccountHealth gone = health.of(accountId);
        assertThat(gone.check().status()).isEqualTo(AccountHealth.Status.UNAVAILABLE);
        assertThat(gone.check().detail()).contains("no running plugin provides connector api");

        assertThat(audit.latest(50)).extracting(e -> e.getAction() + " " + e.getTarget())
                .contains(PluginAdministration.INSTALLED + " plugin:" + API,
                        PluginAdministration.ENABLED + " plugin:" + API,
                        PluginAdministration.UPGRADED + " plugin:" + API,
                        PluginAdministration.UNINSTALLED + " plugin:" + API,
                        PluginAdministration.REFUSED + " user:" + TestData.ADMIN_EMAIL);
        assertThat(audit.latest(PluginAdministration.UPGRADED, 1).getFirst().getDetail())
                .contains("before: 0.1.0 STARTED").contains("after: 0.2.0 STARTED");
    }

    @Test
    void a_reply_written_while_the_plugin_is_stopped_waits_and_goes_out_once_it_is_started() throws Exception {
        ensureApiRunning();
        provider = ProviderStub.start();
        String accountId = accounts.create("API " + UUID.randomUUID(), "api", api.config(provider.baseUrl())).id();
        long conversation = conversationOn(accountId);

        administration.stop(API);
        long replyId = replies.reply(conversation, adminId(), "Agent", "Sent while stopped", null);
        dispatcher.deliverDue();
        assertThat(queries.message(replyId).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(provider.requests()).isEmpty();

        provider.once("POST", ApiScenario.CALLBACK_PATH, ProviderStub.Answer.json(200, "{\"id\":\"after-start-"
                + UUID.randomUUID() + "\"}"));
        administration.start(API);
        Await.until("the waiting reply is sent", () -> queries.message(replyId).orElseThrow().deliveryStatus()
                == DeliveryStatus.SENT);
        assertThat(provider.requests()).hasSize(1);
    }

    @Test
    void health_shows_the_last_messages_the_error_rate_and_a_test_message_result() throws Exception {
        ensureApiRunning();
        provider = ProviderStub.start();
        String accountId = accounts.create("API " + UUID.randomUUID(), "api", api.config(provider.baseUrl())).id();
        AccountHealth before = health.of(accountId);
        assertThat(before.lastInbound()).isNull();
        assertThat(before.outbound()).isZero();
        assertThat(before.check().status()).isEqualTo(AccountHealth.Status.UP);

        long conversation = conversationOn(accountId);
        provider.once("POST", ApiScenario.CALLBACK_PATH, ProviderStub.Answer.json(200, "{\"id\":\"ok-"
                + UUID.randomUUID() + "\"}"));
        long accepted = replies.reply(conversation, adminId(), "Agent", "This one goes out", null);
        send(accepted, DeliveryStatus.SENT);
        provider.once("POST", ApiScenario.CALLBACK_PATH, ProviderStub.Answer.json(422,
                "{\"error\":\"unknown recipient\"}"));
        long refused = replies.reply(conversation, adminId(), "Agent", "This one is refused", null);
        send(refused, DeliveryStatus.FAILED);

        AccountHealth after = health.of(accountId);
        assertThat(after.lastInbound()).isNotNull();
        assertThat(after.lastOutbound()).isNotNull();
        assertThat(after.outbound()).isEqualTo(2);
        assertThat(after.failed()).isEqualTo(1);
        assertThat(after.errorRate()).isEqualTo(0.5);

        ChannelAccountsView view = navigate(ChannelAccountsView.class);
        view.showHealth(accounts.find(accountId).orElseThrow());
        roundTrip();
        assertThat(view.openHealth.errorRate.getText()).isEqualTo("50 % (1 of 2 failed)");
        assertThat(view.openHealth.check.getText()).startsWith("UP");
        provider.once("POST", ApiScenario.CALLBACK_PATH, ProviderStub.Answer.json(200, "{\"id\":\"test-ok\"}"));
        test(view.openHealth.address).setValue("grace@example.com");
        test(view.openHealth.send).click();
        assertThat(view.openHealth.result.getText()).isEqualTo("Sent (provider id test-ok)");
        assertThat(provider.requests().getLast().bodyAsString()).contains("grace@example.com");
        provider.once("POST", ApiScenario.CALLBACK_PATH, ProviderStub.Answer.json(422,
                "{\"error\":\"unknown recipient nobody@example.com\"}"));
        test(view.openHealth.address).setValue("nobody@example.com");
        test(view.openHealth.send).click();
        assertThat(view.openHealth.result.getText()).startsWith("Failed: ").contains("unknown recipient");
    }

    @Test
    void a_jar_dropped_into_the_plugins_directory_is_installed_disabled_and_a_bad_one_is_moved_aside()
            throws IOException {
        Path folder = TestData.newDirectory().root();
        Path good = TestPlugins.channel("dropped-channel", "dropped").writeTo(folder);
        Path bad = TestPlugins.channel("dropped-future", "dropped-future").requires(">=9.0.0").writeTo(folder);
        Path directory = pluginProperties.directory();

        // Copied under a hidden name and renamed, as the docs advise; the watcher ignores the hidden file.
        Files.copy(good, directory.resolve(".dropped-channel.jar"));
        Files.move(directory.resolve(".dropped-channel.jar"), directory.resolve("dropped-channel.jar"));
        Files.copy(bad, directory.resolve("dropped-future.jar"));

        Await.until("the dropped plugin is installed", () -> installed("dropped-channel"));
        assertThat(status("dropped-channel").state()).isEqualTo("DISABLED");
        Await.until("the incompatible one is moved aside", () -> Files.exists(directory.resolve("rejected"))
                && !Files.exists(directory.resolve("dropped-future.jar")));
        assertThat(installed("dropped-future")).isFalse();
        assertThat(audit.latest(PluginAdministration.REFUSED, 10)).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("system");
            assertThat(e.getDetail()).contains("needs plugin-api >=9.0.0");
        });
        assertThat(audit.latest(PluginAdministration.INSTALLED, 10)).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("system");
            assertThat(e.getTarget()).isEqualTo("plugin:dropped-channel");
        });
    }

    @Test
    void an_upload_that_is_not_a_plugin_or_needs_a_missing_plugin_is_refused_with_its_reason() throws IOException {
        assertThatThrownBy(() -> administration.stage("notes.txt", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("not one");
        assertThatThrownBy(() -> administration.stage("broken.jar", new ByteArrayInputStream("no zip".getBytes())))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("is not a JAR (ZIP) file");
        Path orphan = TestPlugins.channel("orphan-upload", "orphan-upload").dependencies("crm-core@1.2.0")
                .writeTo(TestData.newDirectory().root());
        assertThatThrownBy(() -> administration.stage("orphan.jar", Files.newInputStream(orphan)))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("needs plugin 'crm-core' 1.2.0 which is not installed");
        assertThat(installed("orphan-upload")).isFalse();
        assertThat(audit.latest(PluginAdministration.REFUSED, 10)).anySatisfy(e ->
                assertThat(e.getDetail()).contains("crm-core"));

        PluginsView view = navigate(PluginsView.class);
        test(view.upload).upload("future.jar", "application/java-archive", Files.readAllBytes(
                TestPlugins.channel("future-upload", "future-upload").requires(">=9.0.0")
                        .writeTo(TestData.newDirectory().root())));
        roundTrip();
        assertThat(view.uploadResult.getText()).contains("needs plugin-api >=9.0.0; this portal provides");
        assertThat(installed("future-upload")).isFalse();
    }

    @Test
    void callers_who_are_not_admins_are_refused_by_the_services() {
        Authentication admin = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                "agent@example.test", "n/a", List.of(new SimpleGrantedAuthority("ROLE_AGENT"),
                new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
        try {
            assertThatThrownBy(() -> administration.plugins()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.stage("x.jar", new ByteArrayInputStream(new byte[0])))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.enable(API, TestData.ADMIN_PASSWORD))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.stop(API)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> administration.uninstall(API)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> health.of("any")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> health.sendTestMessage("any", "a@example.com", "hi"))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(admin);
        }
    }

    private void ensureApiRunning() throws IOException {
        if (!installed(API)) {
            administration.install(administration.stage("channel-api.jar",
                    Files.newInputStream(PluginJarEdits.bundled(API))));
        }
        if (!status(API).running()) {
            administration.enable(API, TestData.ADMIN_PASSWORD);
        }
    }

    private long conversationOn(String accountId) throws Exception {
        String sender = "kim." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(deliver(accountId, sender, "Hello " + sender)).isEqualTo(200);
        return new JdbcTemplate(dataSource).queryForObject("select conversation_id from message where"
                + " channel_account_id = ? and body_text = ?", Long.class, accountId, "Hello " + sender);
    }

    private void send(long messageId, DeliveryStatus expected) {
        dispatcher.deliverDue();
        Await.until("message " + messageId + " is " + expected, () -> queries.message(messageId).orElseThrow()
                .deliveryStatus() == expected);
    }

    private int deliver(String accountId, String sender, String text) throws Exception {
        URI webhook = urls.webhookUrl(accountId);
        return new ScenarioDelivery(port).deliver(accountId, api.inboundText(webhook, "m-" + UUID.randomUUID(), sender,
                text)).statusCode();
    }

    private long adminId() {
        return agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
    }

    private boolean installed(String pluginId) {
        return administration.plugins().stream().anyMatch(p -> p.id().equals(pluginId));
    }

    private PluginStatus status(String pluginId) {
        return administration.plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst().orElseThrow();
    }

    private boolean accountsCanUse(String connectorId) {
        return !accounts.schema(connectorId).isEmpty();
    }
}
