package org.switchboard.portal.customer;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in user's name, or "system" (a scheduled job, a test). */
final class Actor {

    private Actor() {
    }

    static String current() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() ? "system" : who.getName();
    }
}
