package org.switchboard.portal.agent;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccountView;

/**
 * What admins do with users: list them, create them with a one-time password or invite them by email, change their
 * name and roles, disable (which ends their sessions) and re-enable them. Every method checks that an admin is
 * signed in and writes the audit log; there is always at least one enabled admin. Team membership is routing's
 * ({@code routing.Teams}), which audits it too.
 */
@Service
public class AgentAdministration {

    public static final String AUDIT_CREATED = "agent.created";
    public static final String AUDIT_INVITED = "agent.invited";
    public static final String AUDIT_INVITATION_RESENT = "agent.invitation-resent";
    public static final String AUDIT_PASSWORD_RESET = "agent.password-reset";
    public static final String AUDIT_ROLES_CHANGED = "agent.roles-changed";
    public static final String AUDIT_RENAMED = "agent.renamed";
    public static final String AUDIT_DISABLED = "agent.disabled";
    public static final String AUDIT_ENABLED = "agent.enabled";

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final AgentDirectory directory;
    private final Invitations invitations;
    private final InvitationMailer mailer;
    private final AgentSessions sessions;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    AgentAdministration(AgentRepository agents, TeamRepository teams, AgentDirectory directory,
            Invitations invitations, InvitationMailer mailer, AgentSessions sessions, PasswordEncoder passwords,
            AuditLog audit) {
        this.agents = agents;
        this.teams = teams;
        this.directory = directory;
        this.invitations = invitations;
        this.mailer = mailer;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Everyone, by name. */
    @Transactional(readOnly = true)
    public List<AgentSummary> list() {
        RoleGuard.requireAdmin("manage users");
        Map<Long, Set<String>> teamNames = new java.util.HashMap<>();
        for (Team team : teams.findAll()) {
            team.getMembers().forEach(m -> teamNames.computeIfAbsent(m.getId(), id -> new TreeSet<>())
                    .add(team.getName()));
        }
        return agents.findAllByOrderByDisplayNameAscIdAsc().stream().map(a -> new AgentSummary(a.getId(),
                a.getEmail(), a.getDisplayName(), a.getRoles(), List.copyOf(teamNames.getOrDefault(a.getId(),
                        Set.of())), state(a), a.getLastSignInAt(), a.getCreatedAt())).toList();
    }

    private AgentState state(Agent agent) {
        if (!agent.isEnabled()) {
            return AgentState.DISABLED;
        }
        if (agent.getLastSignInAt() == null && invitations.pending(agent.getId())) {
            return AgentState.INVITED;
        }
        return agent.isPasswordChangeRequired() ? AgentState.ONE_TIME_PASSWORD : AgentState.ACTIVE;
    }

    /** The email channel accounts invitations can be sent from. */
    public List<ChannelAccountView> invitationSenders() {
        RoleGuard.requireAdmin("invite users");
        return mailer.senders();
    }

    /**
     * Creates a user with a random one-time password, to be changed at their first sign-in.
     *
     * @return the user and the one-time password, to show the admin once (it is stored only hashed)
     * @throws AgentException for bad input (nothing is created)
     */
    @Transactional
    public AgentWithPassword createWithOneTimePassword(NewAgent agent) {
        String actor = RoleGuard.requireAdmin("create users");
        String password = AgentDirectory.randomPassword();
        AgentView created = directory.create(agent.email(), agent.displayName(), password, agent.roles());
        agents.getReferenceById(created.id()).requirePasswordChange();
        audit.recordAfterCommit(actor, AUDIT_CREATED, target(created.id()), describe(created)
                + "; with a one-time password");
        return new AgentWithPassword(created, password);
    }

    /**
     * Creates a user and mails them a link to choose their password, through an email channel account. When the mail
     * cannot be sent nothing is created.
     *
     * @throws AgentException for bad input or a mail that could not be sent
     */
    @Transactional
    public AgentView invite(NewAgent agent, String emailAccountId) {
        String actor = RoleGuard.requireAdmin("invite users");
        // Nobody knows this password: until they follow the link, the account cannot be signed in to.
        AgentView created = directory.create(agent.email(), agent.displayName(), AgentDirectory.randomPassword(),
                agent.roles());
        invitations.issueAndSend(agents.getReferenceById(created.id()), emailAccountId);
        audit.recordAfterCommit(actor, AUDIT_INVITED, target(created.id()), describe(created) + "; via account "
                + emailAccountId);
        return created;
    }

    /** Mails a new invitation link (the older ones stop working). */
    @Transactional
    public void resendInvitation(long agentId, String emailAccountId) {
        String actor = RoleGuard.requireAdmin("invite users");
        Agent agent = find(agentId);
        if (!agent.isEnabled()) {
            throw new AgentException(agent.getDisplayName() + " is disabled; enable them first.");
        }
        invitations.issueAndSend(agent, emailAccountId);
        audit.recordAfterCommit(actor, AUDIT_INVITATION_RESENT, target(agentId), agent.getEmail() + "; via account "
                + emailAccountId);
    }

    /**
     * Gives a user a new one-time password (they forgot theirs); their sessions end.
     *
     * @return the one-time password, to show the admin once
     */
    @Transactional
    public String resetWithOneTimePassword(long agentId) {
        String actor = RoleGuard.requireAdmin("reset passwords");
        Agent agent = find(agentId);
        String password = AgentDirectory.randomPassword();
        agent.changePasswordHash(passwords.encode(password));
        agent.requirePasswordChange();
        audit.recordAfterCommit(actor, AUDIT_PASSWORD_RESET, target(agentId), agent.getEmail());
        afterCommit(() -> sessions.endSessionsOf(agent.getEmail()));
        return password;
    }

    /**
     * Changes a user's name and roles.
     *
     * @throws AgentException when no role is left, or the last enabled admin would lose the admin role
     */
    @Transactional
    public AgentView update(long agentId, String displayName, Set<Role> roles) {
        String actor = RoleGuard.requireAdmin("change users");
        Agent agent = find(agentId);
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new AgentException("A name is required.");
        }
        if (roles == null || roles.isEmpty()) {
            throw new AgentException("Choose at least one role.");
        }
        Set<Role> before = agent.getRoles();
        if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && agent.isEnabled()) {
            requireAnotherAdmin(agent);
        }
        if (!name.equals(agent.getDisplayName())) {
            audit.recordAfterCommit(actor, AUDIT_RENAMED, target(agentId), agent.getDisplayName() + " -> " + name);
            agent.rename(name);
        }
        if (!before.equals(Set.copyOf(roles))) {
            agent.setRoles(EnumSet.copyOf(roles));
            audit.recordAfterCommit(actor, AUDIT_ROLES_CHANGED, target(agentId), agent.getEmail() + ": "
                    + roles(before) + " -> " + roles(roles));
            // Roles are read at sign-in: the changed user signs in again to get (or lose) them.
            afterCommit(() -> sessions.endSessionsOf(agent.getEmail()));
        }
        return AgentView.of(agent);
    }

    /**
     * Disables a user: they cannot sign in, and their open sessions end at once.
     *
     * @throws AgentException for oneself or the last enabled admin
     */
    @Transactional
    public void disable(long agentId) {
        String actor = RoleGuard.requireAdmin("disable users");
        Agent agent = find(agentId);
        if (!agent.isEnabled()) {
            return;
        }
        if (agent.getEmail().equalsIgnoreCase(actor)) {
            throw new AgentException("You cannot disable yourself; ask another admin.");
        }
        if (agent.getRoles().contains(Role.ADMIN)) {
            requireAnotherAdmin(agent);
        }
        agent.setEnabled(false);
        audit.recordAfterCommit(actor, AUDIT_DISABLED, target(agentId), agent.getEmail());
        afterCommit(() -> sessions.endSessionsOf(agent.getEmail()));
    }

    /** Lets a disabled user sign in again. */
    @Transactional
    public void enable(long agentId) {
        String actor = RoleGuard.requireAdmin("enable users");
        Agent agent = find(agentId);
        if (agent.isEnabled()) {
            return;
        }
        agent.setEnabled(true);
        audit.recordAfterCommit(actor, AUDIT_ENABLED, target(agentId), agent.getEmail());
    }

    private void requireAnotherAdmin(Agent agent) {
        List<Long> admins = agents.lockEnabledAdmins();
        if (admins.stream().noneMatch(id -> id != agent.getId().longValue())) {
            throw new AgentException(agent.getDisplayName() + " is the last enabled admin; make someone else an "
                    + "admin first.");
        }
    }

    private Agent find(long agentId) {
        return agents.findById(agentId).orElseThrow(() -> new AgentException("There is no user #" + agentId + "."));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static String target(long agentId) {
        return "agent:" + agentId;
    }

    private static String describe(AgentView agent) {
        return agent.displayName() + " <" + agent.email() + ">, roles " + roles(agent.roles());
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(",", "[", "]"));
    }
}
