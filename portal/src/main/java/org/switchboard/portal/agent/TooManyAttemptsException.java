package org.switchboard.portal.agent;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused because of too many failed attempts. A {@link LockedException} so that Spring Security stops at
 * once instead of trying other ways to authenticate.
 */
public class TooManyAttemptsException extends LockedException {

    public TooManyAttemptsException(Duration wait) {
        super("Too many attempts, try again in " + minutes(wait) + ".");
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
