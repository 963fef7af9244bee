package org.switchboard.portal.agent;

/**
 * Bad input about users (a password the policy refuses, an email in use, removing the last admin): the message is
 * for the person who typed it, and nothing was changed. An {@link IllegalArgumentException} so callers that caught
 * the directory's earlier refusals keep working.
 */
public class AgentException extends IllegalArgumentException {

    public AgentException(String message) {
        super(message);
    }
}
