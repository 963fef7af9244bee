package org.switchboard.portal.collaboration;

/**
 * An agent as colleagues see them: to mention, to show as viewing or typing.
 *
 * @param id          the agent id
 * @param displayName the name shown and typed after "@"
 * @param email       the sign-in email, also accepted after "@"
 */
public record Teammate(long id, String displayName, String email) {
}
