package org.switchboard.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.AsSystem;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.audit.AuditEntry;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccounts;

/**
 * Admins' user management against the real database, with invitations really mailed through the email channel
 * plugin to a GreenMail SMTP server.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class AgentAdministrationTest extends PortalTest.Base {

    static final String SUPPORT = "support@example.test";
    static final String MAILBOX_PASSWORD = "mailbox-secret-" + UUID.randomUUID();
    static final Pattern LINK = Pattern.compile("http://\\S+/invitation/([A-Za-z0-9_-]+)");

    @Autowired
    AgentAdministration administration;

    @Autowired
    AgentDirectory directory;

    @Autowired
    Invitations invitations;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    DataSource dataSource;

    GreenMail mail;
    String mailAccountId;

    @BeforeEach
    void mailServer() {
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(SUPPORT, SUPPORT, MAILBOX_PASSWORD);
        // Setting up the mailbox is the system's business too (only admins create channel accounts).
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        mailAccountId = accounts.create("Support mailbox " + UUID.randomUUID(), "email", Map.ofEntries(
                Map.entry("imapHost", "127.0.0.1"),
                Map.entry("imapPort", Integer.toString(mail.getImap().getPort())),
                Map.entry("imapSecurity", "none"),
                Map.entry("imapUsername", SUPPORT),
                Map.entry("imapPassword", MAILBOX_PASSWORD),
                Map.entry("smtpHost", "127.0.0.1"),
                Map.entry("smtpPort", Integer.toString(mail.getSmtp().getPort())),
                Map.entry("smtpSecurity", "none"),
                Map.entry("fromAddress", SUPPORT),
                Map.entry("fromName", "Example Support"),
                Map.entry("pollSeconds", "60"))).id();
        org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
    }

    @AfterEach
    void stop() {
        // Tidying up is the system's business, whoever the test signed in (a supervisor may not disable accounts).
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        accounts.setEnabled(mailAccountId, false);
        mail.stop();
    }

    @Test
    void a_user_created_with_a_one_time_password_must_change_it_and_the_creation_is_audited() {
        String email = unique("otp");
        AgentWithPassword created = administration.createWithOneTimePassword(new NewAgent(email, "Olga Onetime",
                Set.of(Role.SUPERVISOR)));

        assertThat(created.oneTimePassword()).hasSizeGreaterThanOrEqualTo(12);
        AgentView stored = directory.findByEmail(email).orElseThrow();
        assertThat(stored.passwordChangeRequired()).isTrue();
        assertThat(passwords.matches(created.oneTimePassword(), directory.loadUserByUsername(email).getPassword()))
                .isTrue();
        assertThat(summary(stored.id()).state()).isEqualTo(AgentState.ONE_TIME_PASSWORD);
        AuditEntry entry = latest(AgentAdministration.AUDIT_CREATED, "agent:" + stored.id());
        assertThat(entry.getActor()).isEqualTo(TestData.ADMIN_EMAIL);
        assertThat(entry.getDetail()).contains(email).contains("SUPERVISOR")
                .doesNotContain(created.oneTimePassword());

        directory.changePassword(email, created.oneTimePassword(), "olga chooses her own words");
        assertThat(summary(stored.id()).state()).isEqualTo(AgentState.ACTIVE);
    }

    @Test
    void an_invitation_is_mailed_through_the_email_channel_and_its_link_sets_the_password_once() throws Exception {
        String email = unique("invited");
        AgentView invited = administration.invite(new NewAgent(email, "Ivan Invited", Set.of(Role.AGENT)),
                mailAccountId);

        assertThat(summary(invited.id()).state()).isEqualTo(AgentState.INVITED);
        Await.until("the invitation arrives", () -> mail.getReceivedMessagesForDomain("example.test").length > 0
                && invitationTo(email) != null);
        MimeMessage message = invitationTo(email);
        assertThat(message.getSubject()).isEqualTo("Your invitation to Switchboard");
        assertThat(message.getFrom()[0].toString()).contains(SUPPORT);
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a link in: %s", body).isTrue();
        String token = link.group(1);
        assertThat(new JdbcTemplate(dataSource).queryForList("select token_hash from agent_invitation"
                + " where agent_id = ?", String.class, invited.id())).containsExactly(Invitations.hash(token))
                .doesNotContain(token);

        assertThat(invitations.find(token)).map(AgentView::email).contains(email);
        assertThatThrownBy(() -> invitations.accept(token, "short")).isInstanceOf(AgentException.class)
                .hasMessageContaining("at least 12 characters");
        invitations.accept(token, "ivan picked a long one");

        assertThat(passwords.matches("ivan picked a long one", directory.loadUserByUsername(email).getPassword()))
                .isTrue();
        assertThat(invitations.find(token)).isEmpty();
        assertThatThrownBy(() -> invitations.accept(token, "a second try with the link"))
                .hasMessageContaining("expired or was already used");
        assertThat(latest(AgentAdministration.AUDIT_INVITED, "agent:" + invited.id()).getDetail()).contains(email)
                .doesNotContain(token);
    }

    @Test
    void an_expired_or_replaced_invitation_link_does_not_work() throws Exception {
        String email = unique("late");
        AgentView invited = administration.invite(new NewAgent(email, "Lara Late", Set.of(Role.AGENT)),
                mailAccountId);
        String first = tokenMailedTo(email, 1);
        administration.resendInvitation(invited.id(), mailAccountId);
        String second = tokenMailedTo(email, 2);

        assertThat(invitations.find(first)).isEmpty();
        assertThat(invitations.find(second)).isPresent();

        new JdbcTemplate(dataSource).update("update agent_invitation set expires_at = ? where token_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600 * 24 * 365)),
                Invitations.hash(second));
        assertThatThrownBy(() -> invitations.accept(second, "lara is too late now"))
                .hasMessageContaining("expired");
    }

    @Test
    void an_invitation_that_cannot_be_sent_creates_nobody() {
        String email = unique("unsent");
        mail.stop();

        assertThatThrownBy(() -> administration.invite(new NewAgent(email, "Uma Unsent", Set.of(Role.AGENT)),
                mailAccountId)).isInstanceOf(AgentException.class).hasMessageContaining("could not be sent");
        assertThat(directory.findByEmail(email)).isEmpty();

        assertThatThrownBy(() -> administration.invite(new NewAgent(email, "Uma Unsent", Set.of(Role.AGENT)),
                "no-such-account")).hasMessageContaining("email channel account");
        mail.start();
    }

    @Test
    void roles_change_with_before_and_after_in_the_audit_log() {
        AgentView agent = directory.create(unique("roles"), "Rolf Roles", "rolf has a long password",
                Set.of(Role.AGENT));

        administration.update(agent.id(), "Rolf R. Roles", Set.of(Role.AGENT, Role.SUPERVISOR));

        assertThat(directory.findByEmail(agent.email()).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(latest(AgentAdministration.AUDIT_ROLES_CHANGED, "agent:" + agent.id()).getDetail())
                .contains("[AGENT] -> [AGENT,SUPERVISOR]");
        assertThat(latest(AgentAdministration.AUDIT_RENAMED, "agent:" + agent.id()).getDetail())
                .isEqualTo("Rolf Roles -> Rolf R. Roles");
        assertThatThrownBy(() -> administration.update(agent.id(), "Rolf", Set.of()))
                .hasMessageContaining("at least one role");
    }

    @Test
    void the_last_enabled_admin_can_neither_lose_the_role_nor_be_disabled() {
        // Every other admin is disabled first, so the bootstrap admin is the last one.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Long> otherAdmins = jdbc.queryForList("select a.id from agent a join agent_role r on r.agent_id = a.id"
                + " where r.role = 'ADMIN' and a.enabled and a.email <> ?", Long.class, TestData.ADMIN_EMAIL);
        otherAdmins.forEach(administration::disable);
        long me = directory.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
        try {
            assertThatThrownBy(() -> administration.update(me, "Administrator", Set.of(Role.AGENT)))
                    .isInstanceOf(AgentException.class).hasMessageContaining("last enabled admin");
            assertThat(directory.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().roles()).contains(Role.ADMIN);
            assertThatThrownBy(() -> administration.disable(me)).isInstanceOf(AgentException.class);

            AgentView second = directory.create(unique("admin"), "Second Admin", "another long admin password",
                    Set.of(Role.ADMIN));
            administration.update(me, "Administrator", Set.of(Role.ADMIN, Role.AGENT));
            administration.disable(second.id());
            assertThatThrownBy(() -> administration.update(me, "Administrator", Set.of(Role.AGENT)))
                    .hasMessageContaining("last enabled admin");
            administration.enable(second.id());
            administration.update(second.id(), "Second Admin", Set.of(Role.AGENT));
            assertThatThrownBy(() -> administration.disable(me)).hasMessageContaining("yourself");
        } finally {
            otherAdmins.forEach(administration::enable);
        }
    }

    @Test
    void disabling_and_enabling_are_audited() {
        AgentView agent = directory.create(unique("dis"), "Dina Disabled", "dina has a long password",
                Set.of(Role.AGENT));

        administration.disable(agent.id());
        assertThat(summary(agent.id()).state()).isEqualTo(AgentState.DISABLED);
        assertThat(directory.loadUserByUsername(agent.email()).isEnabled()).isFalse();
        administration.enable(agent.id());

        assertThat(latest(AgentAdministration.AUDIT_DISABLED, "agent:" + agent.id()).getDetail())
                .isEqualTo(agent.email());
        assertThat(latest(AgentAdministration.AUDIT_ENABLED, "agent:" + agent.id())).isNotNull();
        assertThat(directory.loadUserByUsername(agent.email()).isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "supervisor@example.test", roles = {"SUPERVISOR", "AGENT"})
    void only_admins_manage_users() {
        AgentView agent = AsSystem.call(() -> directory.create(unique("victim"), "Vic Victim",
                "vic has a long password", Set.of(Role.AGENT)));
        assertThatThrownBy(() -> directory.create(unique("sneaky"), "Sneaky", "sneaky has a long password",
                Set.of(Role.ADMIN))).as("not even through the directory").isInstanceOf(AccessDeniedException.class);

        assertThatThrownBy(() -> administration.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createWithOneTimePassword(new NewAgent(unique("x"), "X",
                Set.of(Role.ADMIN)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.update(agent.id(), "Vic", Set.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.disable(agent.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.resetWithOneTimePassword(agent.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(directory.findByEmail(agent.email()).orElseThrow().roles()).containsExactly(Role.AGENT);
    }

    private String tokenMailedTo(String email, int nth) throws Exception {
        Await.until("invitation " + nth + " arrives", () -> mailsTo(email).size() >= nth);
        String body = GreenMailUtil.getBody(mailsTo(email).get(nth - 1)).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private MimeMessage invitationTo(String email) {
        List<MimeMessage> to = mailsTo(email);
        return to.isEmpty() ? null : to.getFirst();
    }

    private List<MimeMessage> mailsTo(String email) {
        return List.of(mail.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private AgentSummary summary(long id) {
        return administration.list().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    private AuditEntry latest(String action, String target) {
        return audit.latest(action, 500).stream().filter(e -> target.equals(e.getTarget())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " entry for " + target));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }
}
