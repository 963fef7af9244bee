package org.switchboard.portal.automation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.portal.agent.Role;

/** Server-side role checks for the rules' administration (the view checks too, but a view is no security boundary). */
final class RoleCheck {

    private RoleCheck() {
    }

    /** @throws AccessDeniedException unless the signed-in user has one of the roles */
    static void require(String what, Role... roles) {
        for (Role role : roles) {
            if (has(role)) {
                return;
            }
        }
        throw new AccessDeniedException("Only " + (roles.length == 1 ? "admins" : "supervisors and admins") + " "
                + what + ".");
    }

    static boolean has(Role role) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
                && who.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /** The signed-in user's login, or "system". */
    static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken ? "system"
                : who.getName();
    }
}
