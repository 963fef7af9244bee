package org.switchboard.portal.agent;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The server-side check for admin services that the portal itself also calls with nobody signed in (start-up,
 * scheduled work, plugin installation): a signed-in user must be an admin; code running without any security
 * context (no request, no user) is the system and may. A web request always has a context (anonymous if nobody
 * signed in), so a browser never counts as the system. Used as {@code @PreAuthorize("@roleGuard.adminOrSystem()")}
 * or {@link #requireAdminOrSystem(String)}.
 */
@Component("roleGuard")
public class RoleGuard {

    /** For {@code @PreAuthorize}. */
    public boolean adminOrSystem() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || (who.isAuthenticated()
                && who.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority())));
    }

    /**
     * @throws AccessDeniedException when a signed-in user who is not an admin (or an anonymous request) calls
     */
    public static void requireAdminOrSystem(String what) {
        if (!new RoleGuard().adminOrSystem()) {
            throw new AccessDeniedException("Only admins " + what + ".");
        }
    }

    /**
     * The check for admin-only services (a view is no security boundary): an admin must be signed in.
     *
     * @return the signed-in admin's login
     * @throws AccessDeniedException unless an admin is signed in
     */
    public static String requireAdmin(String what) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
                && who.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
        if (!admin) {
            throw new AccessDeniedException("Only admins " + what + ".");
        }
        return who.getName();
    }

    /** The signed-in user's login, or "system". */
    public static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() ? "system" : who.getName();
    }
}
