package org.switchboard.portal.agent;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Portal users: lookup for login, creation, and the first admin on an empty database. */
@Service
public class AgentDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AgentDirectory.class);

    private final AgentRepository agents;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final BootstrapProperties bootstrap;
    private final Clock clock;

    AgentDirectory(AgentRepository agents, PasswordEncoder passwords, PasswordPolicy policy,
            BootstrapProperties bootstrap, Clock clock) {
        this.agents = agents;
        this.passwords = passwords;
        this.policy = policy;
        this.bootstrap = bootstrap;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        Agent agent = agents.findByEmailIgnoreCase(email.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(agent.getEmail())
                .password(agent.getPasswordHash())
                .disabled(!agent.isEnabled())
                .authorities(impliedRoles(agent.getRoles()).stream().map(Role::authority).toArray(String[]::new))
                .build();
    }

    /** An admin may do what a supervisor may, a supervisor what an agent may. */
    static Set<Role> impliedRoles(Set<Role> roles) {
        if (roles.contains(Role.ADMIN)) {
            return Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT);
        }
        if (roles.contains(Role.SUPERVISOR)) {
            return Set.of(Role.SUPERVISOR, Role.AGENT);
        }
        return Set.copyOf(roles);
    }

    /**
     * Creates a user; the password is hashed here and never stored in clear. No audit entry: this is the system's own
     * creation (first start, sign-in with an identity provider, tests); admins create users through
     * {@link AgentAdministration}, which audits. Still checked here, so that no other path lets a signed-in
     * non-admin create a user.
     *
     * @throws AgentException        when the email is taken or invalid, or the password breaks the policy
     * @throws org.springframework.security.access.AccessDeniedException when a signed-in user who is no admin calls
     */
    @Transactional
    public AgentView create(String email, String displayName, String password, Set<Role> roles) {
        RoleGuard.requireAdminOrSystem("create users");
        String cleanEmail = cleanEmail(email);
        String cleanName = displayName == null ? "" : displayName.strip();
        if (cleanName.isEmpty()) {
            throw new AgentException("A name is required.");
        }
        if (roles == null || roles.isEmpty()) {
            throw new AgentException("Choose at least one role.");
        }
        if (agents.findByEmailIgnoreCase(cleanEmail).isPresent()) {
            throw new AgentException("A user with this email exists.");
        }
        policy.check(password, cleanEmail, cleanName);
        Agent agent = agents.save(new Agent(cleanEmail, cleanName, passwords.encode(password), roles,
                clock.instant()));
        return AgentView.of(agent);
    }

    static String cleanEmail(String email) {
        String clean = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!clean.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AgentException("Enter a valid email address.");
        }
        return clean;
    }

    /**
     * Changes a user's password after checking the current one; clears the one-time-password flag.
     *
     * @throws IllegalArgumentException with a message for the user when the current password is wrong or the new one
     *                                  breaks the policy
     */
    @Transactional
    public void changePassword(String email, String currentPassword, String newPassword) {
        Agent agent = agents.findByEmailIgnoreCase(email).orElseThrow(() -> new UsernameNotFoundException(email));
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, agent.getPasswordHash())) {
            throw new AgentException("The current password is not right.");
        }
        if (passwords.matches(newPassword == null ? "" : newPassword, agent.getPasswordHash())) {
            throw new AgentException("Choose a password different from the current one.");
        }
        policy.check(newPassword, agent.getEmail(), agent.getDisplayName());
        agent.changePasswordHash(passwords.encode(newPassword));
    }

    /** Remembers a successful sign-in (shown to admins). */
    @Transactional
    public void signedIn(String email) {
        agents.findByEmailIgnoreCase(email).ifPresent(agent -> agent.signedIn(clock.instant()));
    }

    /** The password rules, for forms that explain them. */
    public PasswordPolicy policy() {
        return policy;
    }

    /**
     * Creates a user with a random one-time password that must be changed at first sign-in; returns that password
     * (to hand over once, never stored in clear).
     */
    @Transactional
    public String createWithOneTimePassword(String email, String displayName, Set<Role> roles) {
        String password = randomPassword();
        create(email, displayName, password, roles);
        agents.findByEmailIgnoreCase(email.strip()).orElseThrow().requirePasswordChange();
        return password;
    }

    static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Transactional(readOnly = true)
    public Optional<AgentView> findByEmail(String email) {
        return agents.findByEmailIgnoreCase(email).map(AgentView::of);
    }

    /** On an empty database: the first admin, with the configured password or a printed one-time password. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void createFirstAdmin() {
        if (agents.count() > 0) {
            return;
        }
        String password = bootstrap.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = randomPassword();
        }
        Agent admin = new Agent(bootstrap.adminEmail(), "Administrator", passwords.encode(password),
                Set.of(Role.ADMIN), clock.instant());
        if (generated) {
            admin.requirePasswordChange();
        }
        agents.save(admin);
        if (generated) {
            log.warn("""

                    ==========================================================================
                     First start: created the admin account
                       login:    {}
                       password: {}
                     This one-time password is shown only now. Change it after signing in.
                    ==========================================================================""",
                    bootstrap.adminEmail(), password);
        } else {
            log.info("First start: created the admin account {} with the configured password",
                    bootstrap.adminEmail());
        }
    }
}
