package org.switchboard.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentAdministration;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.NewAgent;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;
import org.switchboard.portal.agent.Browserish;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.audit.AuditQuery;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.knowledge.KnowledgeBase;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.privacy.CustomerDataExport;
import org.switchboard.portal.privacy.CustomerErasure;

/**
 * The services behind admin views check the role themselves (a view is no security boundary), GDPR exports are
 * audited, no secret configuration value ever reaches the audit log, and HTTP endpoints beyond the public ones
 * need a signed-in user with the right role.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class ServerRoleChecksTest extends PortalTest.Base {

    @LocalServerPort
    int port;

    @Autowired
    org.switchboard.portal.plugin.PluginHost pluginHost;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    PluginHost plugins;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    CustomerErasure erasure;

    @Autowired
    CustomerDataExport export;

    @Autowired
    AuditLog audit;

    @Autowired
    AgentDirectory directory;

    @Autowired
    AgentAdministration administration;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    DataSource dataSource;

    @Test
    @WithMockUser(username = "agent@example.test", roles = "AGENT")
    void an_agent_is_refused_by_the_admin_services() {
        assertThatThrownBy(() -> accounts.create("Agent's chat", "webchat", Map.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pluginHost.stop("channel-webchat")).isInstanceOf(AccessDeniedException.class);
        assertThat(pluginHost.status("channel-webchat").orElseThrow().running()).isTrue();
        assertThatThrownBy(() -> accounts.setEnabled("any", false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.update("any", "x", Map.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> knowledge.delete(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> erasure.erase(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export.export(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.search(AuditQuery.ALL, 0, 1)).isInstanceOf(AccessDeniedException.class);
        assertThat(plugins.status("channel-webchat")).hasValueSatisfying(s -> assertThat(s.state())
                .isEqualTo("STARTED"));
    }

    @Test
    void a_gdpr_export_is_audited_with_who_and_whose() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        long customer = new Inbound(pipeline, accounts, jdbc).writes(accountId, Inbound.newVisitor(), "Erin Export",
                "Export me " + UUID.randomUUID()).customerId();

        export.export(customer, new ByteArrayOutputStream());

        assertThat(audit.latest(CustomerDataExport.AUDIT_EXPORTED, 50)).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo(TestData.ADMIN_EMAIL);
            assertThat(e.getTarget()).isEqualTo("customer:" + customer);
        });
    }

    @Test
    void secret_configuration_values_never_reach_the_audit_log() throws Exception {
        String secret = "sk-" + UUID.randomUUID();
        String name = "Secret chat " + UUID.randomUUID();
        var account = accounts.create(name, "webchat", Map.of("signingKey", secret));
        accounts.update(account.id(), name + " renamed", Map.of("signingKey", "sk-new-" + secret));
        accounts.setEnabled(account.id(), false);
        String oneTimePassword = administration.createWithOneTimePassword(new NewAgent("secret-"
                + UUID.randomUUID() + "@example.test", "Sid Secret", java.util.Set.of(Role.AGENT))).oneTimePassword();

        List<String> rows = new JdbcTemplate(dataSource).queryForList(
                "select concat_ws('|', actor, action, target, detail) from audit_entry", String.class);
        assertThat(rows).isNotEmpty().noneMatch(row -> row.contains(secret) || row.contains(oneTimePassword));
        StringWriter csv = new StringWriter();
        audit.exportCsv(AuditQuery.ALL, csv);
        assertThat(csv.toString()).contains("agent.created").doesNotContain(secret).doesNotContain(oneTimePassword);
    }

    @Test
    void non_public_http_endpoints_need_a_signed_in_user_and_admin_ones_an_admin() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/", "/admin/agents", "/admin/audit", "/actuator", "/anything-else")) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isIn(302, 401, 403);
        }
        for (String path : List.of("/actuator/health", "/login")) {
            HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(open.statusCode()).as(path).isEqualTo(200);
        }
        // A signed-in agent: the actuator (admins only) is refused, the app is served.
        String email = "rest-agent-" + UUID.randomUUID() + "@example.test";
        directory.create(email, "Rest Agent", "rest agent password", java.util.Set.of(Role.AGENT));
        Browserish agent = new Browserish(port);
        assertThat(Browserish.signedIn(agent.signIn(email, "rest agent password"))).isTrue();
        assertThat(agent.get("/actuator").statusCode()).isEqualTo(403);
        assertThat(agent.get("/").statusCode()).isEqualTo(200);
        Browserish admin = new Browserish(port);
        assertThat(Browserish.signedIn(admin.signIn(TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD))).isTrue();
        assertThat(admin.get("/actuator").statusCode()).isEqualTo(200);
    }
}
