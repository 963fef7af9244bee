package org.switchboard.portal.agent;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The server-side check behind the agents admin view (a view is no security boundary). */
final class AdminCheck {

    private AdminCheck() {
    }

    /**
     * @return the signed-in admin's login
     * @throws AccessDeniedException unless an admin is signed in
     */
    static String requireAdmin(String what) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
                && who.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
        if (!admin) {
            throw new AccessDeniedException("Only admins " + what + ".");
        }
        return who.getName();
    }
}
