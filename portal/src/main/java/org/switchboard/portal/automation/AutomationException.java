package org.switchboard.portal.automation;

/** A rule that cannot be saved as it is; the message says why, for the admin. Nothing changed. */
public class AutomationException extends RuntimeException {

    public AutomationException(String message) {
        super(message);
    }
}
