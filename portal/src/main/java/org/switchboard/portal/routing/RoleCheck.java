package org.switchboard.portal.routing;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.portal.agent.Role;

/** Server-side role checks for routing's admin writes (the views check too, but a view is no security boundary). */
final class RoleCheck {

    private RoleCheck() {
    }

    /** @throws AccessDeniedException unless the signed-in user has the role */
    static void require(Role role, String what) {
        if (!has(role)) {
            throw new AccessDeniedException("Only " + role.name().toLowerCase(java.util.Locale.ROOT) + "s " + what
                    + ".");
        }
    }

    static boolean has(Role role) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated()
                && who.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /** The signed-in user's login, if any. */
    static Optional<String> signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken ? Optional.empty()
                : Optional.of(who.getName());
    }
}
