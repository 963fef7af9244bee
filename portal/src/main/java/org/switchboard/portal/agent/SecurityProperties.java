package org.switchboard.portal.agent;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and password rules ({@code switchboard.security.*}); every value has a default.
 *
 * @param passwordMinLength          the shortest password accepted (default 12, never below 8)
 * @param loginMaxFailures           failed sign-ins per account within {@code loginWindow} before that account is
 *                                   refused for {@code loginLockout} (default 5)
 * @param loginMaxFailuresPerAddress failed sign-ins from one IP address within the window before that address is
 *                                   refused (default 20: an office behind one NAT address must not lock itself out)
 * @param loginWindow                how far back failures count (default 15 minutes)
 * @param loginLockout               how long further attempts are refused (default 15 minutes)
 * @param invitationValidity         how long an emailed invitation link works (default 72 hours)
 * @param oidc                       optional single sign-on
 */
@ConfigurationProperties("switchboard.security")
public record SecurityProperties(Integer passwordMinLength, Integer loginMaxFailures,
        Integer loginMaxFailuresPerAddress, Duration loginWindow, Duration loginLockout, Duration invitationValidity,
        Oidc oidc) {

    public SecurityProperties {
        passwordMinLength = passwordMinLength == null ? 12 : passwordMinLength;
        if (passwordMinLength < 8) {
            throw new IllegalArgumentException("switchboard.security.password-min-length must be at least 8");
        }
        loginMaxFailures = loginMaxFailures == null ? 5 : loginMaxFailures;
        loginMaxFailuresPerAddress = loginMaxFailuresPerAddress == null ? 20 : loginMaxFailuresPerAddress;
        if (loginMaxFailures < 1 || loginMaxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("switchboard.security.login-max-failures* must be at least 1");
        }
        loginWindow = loginWindow == null ? Duration.ofMinutes(15) : loginWindow;
        loginLockout = loginLockout == null ? Duration.ofMinutes(15) : loginLockout;
        invitationValidity = invitationValidity == null ? Duration.ofHours(72) : invitationValidity;
        oidc = oidc == null ? new Oidc(null, null) : oidc;
    }

    /**
     * Single sign-on through an OpenID Connect provider, on when a Spring Security client registration is
     * configured ({@code spring.security.oauth2.client.registration.<id>.*}).
     *
     * @param autoProvision create an agent on the first sign-in of a verified email that matches no agent (default
     *                      false: an admin creates or invites every agent first)
     * @param defaultRoles  the roles of an agent created that way (default AGENT)
     */
    public record Oidc(Boolean autoProvision, Set<Role> defaultRoles) {

        public Oidc {
            autoProvision = autoProvision != null && autoProvision;
            defaultRoles = defaultRoles == null || defaultRoles.isEmpty() ? Set.of(Role.AGENT) : Set.copyOf(defaultRoles);
        }
    }
}
