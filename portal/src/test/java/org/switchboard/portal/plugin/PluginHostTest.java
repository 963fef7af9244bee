package org.switchboard.portal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.portal.plugin.HostedPlugins.open;
import static org.switchboard.portal.plugin.HostedPlugins.sink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;
import org.switchboard.portal.TestData;
import org.switchboard.portal.testplugins.FakeProvider;
import org.switchboard.portal.testplugins.TestPlugins;

/** A plugin host on real plugin JARs: loading, using, stopping, restarting and installing plugins. */
class PluginHostTest {

    private static Path channel;
    private static Path second;
    private static Path plain;
    private static Path late;

    private final HostedPlugins plugins = new HostedPlugins();
    private final FakeProvider provider = FakeProvider.start();

    @BeforeAll
    static void buildPlugins() {
        Path library = TestData.newDirectory().root();
        channel = TestPlugins.channel("test-channel", "test-one").version("1.2.3").writeTo(library);
        second = TestPlugins.channel("test-second", "test-two").writeTo(library);
        plain = TestPlugins.channelWithoutPluginClass("test-plain", "test-plain").writeTo(library);
        late = TestPlugins.channel("test-late", "test-late").writeTo(library);
    }

    @AfterEach
    void tearDown() {
        plugins.close();
        provider.close();
    }

    @Test
    void a_good_plugin_is_loaded_and_started_and_its_connector_is_found_by_id() {
        PluginHost host = plugins.with(channel).startHost();

        PluginStatus status = host.status("test-channel").orElseThrow();
        assertThat(status.running()).isTrue();
        assertThat(status.version()).isEqualTo("1.2.3");
        assertThat(status.provider()).isEqualTo("Switchboard tests");
        assertThat(status.problem()).isNull();
        assertThat(status.extensions()).containsExactly("testplugin.test_channel.Connector");
        assertThat(status.file()).isEqualTo("test-channel-1.2.3.jar");

        Contributed<ChannelConnector> connector = host.connector("test-one").orElseThrow();
        assertThat(connector.pluginId()).isEqualTo("test-channel");
        assertThat(connector.extension().descriptor().name()).isEqualTo("Test channel test-one");
        assertThat(connector.extension().descriptor().identityKind().id()).isEqualTo("phone");
        assertThat(connector.extension().descriptor().supports(ChannelCapability.DELIVERY_RECEIPTS)).isTrue();
        assertThat(host.connector("no-such-channel")).isEmpty();
        assertThat(host.extensions(ChannelConnector.class)).extracting(Contributed::pluginId)
                .containsExactly("test-channel");
    }

    @Test
    void a_connection_of_the_plugin_turns_a_webhook_into_events_and_sends_through_its_provider() throws Exception {
        PluginHost host = plugins.with(channel).startHost();
        List<InboundEvent> sink = sink();
        ChannelConnection connection = open(host, host.connector("test-one").orElseThrow(),
                Map.of("url", provider.url()), sink);

        WebhookResult webhook = connection.handleWebhook(new WebhookRequest("POST", "",
                Map.of("id", List.of("m-1"), "from", List.of("+15550100"), "name", List.of("Ada")), Map.of(),
                "Where is my parcel?".getBytes(), "127.0.0.1"));
        assertThat(webhook).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(InboundMessage.class, m -> {
                assertThat(m.externalId()).isEqualTo("m-1");
                assertThat(m.sender()).isEqualTo(Identity.phone("+15550100"));
                assertThat(m.senderName()).isEqualTo("Ada");
                assertThat(m.text()).isEqualTo("Where is my parcel?");
            });
        });
        assertThat(connection.handleWebhook(new WebhookRequest("POST", "", Map.of("id", List.of("m-2")), Map.of(),
                null, "127.0.0.1"))).isEqualTo(WebhookResult.rejected(400, "id and from are required"));

        SendResult sent = connection.send(new OutboundMessage("42", "7", Identity.phone("+15550100"), "Agent",
                "It arrives tomorrow.", null, List.of(), ThreadingHints.NONE));
        assertThat(sent).isEqualTo(SendResult.sent("prov-1"));
        assertThat(provider.received()).containsExactly(
                new FakeProvider.Received("42", "+15550100", "It arrives tomorrow."));
        connection.close();
    }

    @Test
    void a_stopped_plugin_offers_no_connector_until_it_is_started_again() {
        PluginHost host = plugins.with(channel, second).startHost();

        assertThat(host.stop("test-channel")).isEqualTo(PluginState.STOPPED);

        assertThat(host.connector("test-one")).isEmpty();
        assertThat(host.status("test-channel").orElseThrow().state()).isEqualTo("STOPPED");
        assertThat(host.connector("test-two")).isPresent();

        assertThat(host.start("test-channel")).isEqualTo(PluginState.STARTED);

        assertThat(host.connector("test-one")).isPresent();
        assertThat(host.status("test-channel").orElseThrow().running()).isTrue();
    }

    @Test
    void stop_listeners_are_told_while_the_plugin_still_runs() {
        PluginHost host = plugins.with(channel).startHost();
        List<String> heard = new ArrayList<>();
        host.addStopListener(pluginId -> heard.add(pluginId + " stopping while "
                + host.status(pluginId).orElseThrow().state() + ", connector offered: "
                + host.connector("test-one").isPresent()));

        host.stop("test-channel");

        assertThat(heard).containsExactly("test-channel stopping while STARTED, connector offered: true");
    }

    @Test
    void a_restarted_plugin_still_has_a_working_context_for_new_connections() throws Exception {
        PluginHost host = plugins.with(channel).startHost();
        host.stop("test-channel");
        host.start("test-channel");

        PluginContext context = host.context("test-channel");
        assertThat(context).isNotNull();
        assertThat(context.scheduler().schedule(() -> "ran", 1, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS))
                .isEqualTo("ran");
        ChannelConnection connection = open(host, host.connector("test-one").orElseThrow(),
                Map.of("url", provider.url()), sink());
        assertThat(connection.send(new OutboundMessage("43", "7", Identity.phone("+15550100"), "Agent", "Hi",
                null, List.of(), ThreadingHints.NONE))).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void a_plugin_without_a_plugin_class_still_gets_a_context_for_its_connections() throws Exception {
        PluginHost host = plugins.with(plain).startHost();

        assertThat(host.status("test-plain").orElseThrow().running()).isTrue();
        assertThat(host.context("test-plain")).isNotNull();
        ChannelConnection connection = open(host, host.connector("test-plain").orElseThrow(),
                Map.of("url", provider.url()), sink());
        assertThat(connection.send(new OutboundMessage("44", "7", Identity.phone("+15550100"), "Agent", "Hi",
                null, List.of(), ThreadingHints.NONE))).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void a_jar_installed_at_runtime_is_loaded_and_started() throws Exception {
        PluginHost host = plugins.with(channel).startHost();
        assertThat(host.connector("test-late")).isEmpty();

        String id = host.install(late);

        assertThat(id).isEqualTo("test-late");
        assertThat(host.status("test-late").orElseThrow().running()).isTrue();
        assertThat(host.connector("test-late")).isPresent();
        assertThat(plugins.directory().resolve(late.getFileName())).exists();
        assertThat(host.connector("test-one")).isPresent();
    }

    @Test
    void a_plugin_unloaded_and_installed_again_runs_with_a_fresh_context() throws Exception {
        PluginHost host = plugins.with(channel).startHost();
        PluginContext before = host.context("test-channel");

        host.unload("test-channel", false);
        assertThat(host.status("test-channel")).isEmpty();
        assertThat(host.connector("test-one")).isEmpty();
        assertThat(before.scheduler().isShutdown()).isTrue();

        host.install(channel);

        assertThat(host.status("test-channel").orElseThrow().running()).isTrue();
        PluginContext after = host.context("test-channel");
        assertThat(after).isNotSameAs(before);
        assertThat(after.scheduler().isShutdown()).isFalse();
        assertThat(host.connector("test-one")).isPresent();
    }

    @Test
    void destroy_stops_every_started_plugin() {
        PluginHost host = plugins.with(channel, second, plain).startHost();
        assertThat(host.statuses()).allMatch(PluginStatus::running).hasSize(3);

        host.destroy();

        assertThat(host.statuses()).extracting(PluginStatus::state).containsOnly("STOPPED").hasSize(3);
        assertThat(host.extensions(ChannelConnector.class)).isEmpty();
    }
}
