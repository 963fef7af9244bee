package org.switchboard.portal.agent;

import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.switchboard.portal.audit.AuditLog;

/**
 * Maps a user signed in at the OIDC provider to a Switchboard agent by their <em>verified</em> email: the agent's
 * roles apply, a disabled agent is refused, and nobody unknown gets in unless auto-provisioning is configured
 * ({@code switchboard.security.oidc.auto-provision}). The session's user name is the agent's email, as with a
 * password sign-in (the
 * provider's spelling of it; every lookup ignores case).
 */
@Component
class OidcAgentUserService extends OidcUserService {

    static final String AUDIT_PROVISIONED = "agent.oidc-provisioned";

    private final AgentDirectory directory;
    private final SecurityProperties properties;
    private final AuditLog audit;

    OidcAgentUserService(AgentDirectory directory, SecurityProperties properties, AuditLog audit) {
        this.directory = directory;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = super.loadUser(request);
        String email = user.getEmail();
        if (email == null || email.isBlank() || !Boolean.TRUE.equals(user.getEmailVerified())) {
            throw refused("email_not_verified", "Your account at the sign-in provider has no verified email "
                    + "address.");
        }
        Optional<AgentView> known = directory.findByEmail(email.strip());
        AgentView agent = known.orElseGet(() -> provision(user, email.strip(),
                request.getClientRegistration().getRegistrationId()));
        if (!agent.enabled()) {
            throw refused("agent_disabled", "Your Switchboard account is disabled.");
        }
        directory.signedIn(agent.email());
        var authorities = AgentDirectory.impliedRoles(agent.roles()).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        // Named by the email claim, which matches the agent's email ignoring case (lookups ignore case too).
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "email");
    }

    private AgentView provision(OidcUser user, String email, String provider) {
        if (!properties.oidc().autoProvision()) {
            throw refused("unknown_agent", "There is no Switchboard user with the email " + email
                    + ". Ask an admin to invite you.");
        }
        String name = user.getFullName() == null || user.getFullName().isBlank() ? email : user.getFullName();
        // Nobody knows this password: the agent signs in through the provider (an admin can still reset it).
        AgentView created = directory.create(email, name, AgentDirectory.randomPassword(),
                properties.oidc().defaultRoles());
        audit.record("oidc:" + provider, AUDIT_PROVISIONED, "agent:" + created.id(), email + ", roles "
                + created.roles());
        return created;
    }

    private static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }
}
