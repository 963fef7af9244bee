package org.switchboard.portal;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a test's set-up as the system (nobody signed in), as the portal's own start-up and identity-provider sign-in
 * do, whoever the test itself is signed in as: e.g. creating the users a test signed in as an agent needs.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }
}
