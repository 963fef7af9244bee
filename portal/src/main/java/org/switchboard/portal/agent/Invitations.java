package org.switchboard.portal.agent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.PublicUrlProperties;

/**
 * Invitation links: a random token mailed once, stored only as its SHA-256 (a database leak gives no usable link),
 * working once and until it expires. Issuing a new one revokes the agent's older links.
 */
@Service
public class Invitations {

    public static final String AUDIT_ACCEPTED = "agent.invitation-accepted";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgentInvitationRepository invitations;
    private final AgentRepository agents;
    private final InvitationMailer mailer;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;
    private final PublicUrlProperties urls;
    private final AuditLog audit;
    private final Clock clock;

    Invitations(AgentInvitationRepository invitations, AgentRepository agents, InvitationMailer mailer,
            PasswordPolicy policy, PasswordEncoder passwords, SecurityProperties properties, PublicUrlProperties urls,
            AuditLog audit, Clock clock) {
        this.invitations = invitations;
        this.agents = agents;
        this.mailer = mailer;
        this.policy = policy;
        this.passwords = passwords;
        this.properties = properties;
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a link for the agent and mails it (inside the caller's transaction: a failed send changes nothing). */
    @Transactional
    void issueAndSend(Agent agent, String accountId) {
        Instant now = clock.instant();
        invitations.findByAgentIdAndUsedAtIsNull(agent.getId()).forEach(older -> older.use(now));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        invitations.save(new AgentInvitation(agent.getId(), hash(token), now, now.plus(
                properties.invitationValidity())));
        mailer.send(accountId, agent.getEmail(), agent.getDisplayName(), link(token),
                properties.invitationValidity());
    }

    URI link(String token) {
        return URI.create(urls.publicUrl().toString().replaceAll("/+$", "") + "/invitation/" + token);
    }

    /** The invited agent, while the link works. */
    @Transactional(readOnly = true)
    public Optional<AgentView> find(String token) {
        return usable(token, false).flatMap(i -> agents.findById(i.getAgentId())).filter(Agent::isEnabled)
                .map(AgentView::of);
    }

    /**
     * Sets the invited agent's password and uses up the link.
     *
     * @throws AgentException when the link does not work (any more) or the password breaks the policy
     */
    @Transactional
    public AgentView accept(String token, String password) {
        AgentInvitation invitation = usable(token, true).orElseThrow(() -> new AgentException(
                "This invitation link has expired or was already used. Ask an admin for a new one."));
        Agent agent = agents.findById(invitation.getAgentId()).filter(Agent::isEnabled)
                .orElseThrow(() -> new AgentException("This account is disabled."));
        policy.check(password, agent.getEmail(), agent.getDisplayName());
        agent.changePasswordHash(passwords.encode(password));
        invitation.use(clock.instant());
        audit.recordAfterCommit(agent.getEmail(), AUDIT_ACCEPTED, "agent:" + agent.getId(), null);
        return AgentView.of(agent);
    }

    /** Whether the agent has a link that still works (they have not chosen a password yet). */
    boolean pending(long agentId) {
        Instant now = clock.instant();
        return invitations.findByAgentIdAndUsedAtIsNull(agentId).stream().anyMatch(i -> i.usable(now));
    }

    private Optional<AgentInvitation> usable(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        return (lock ? invitations.lockByTokenHash(hash) : invitations.findByTokenHash(hash))
                .filter(i -> i.usable(clock.instant()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
