package org.switchboard.portal.routing;

/** Bad input to a routing setting (team name, capacity, ...); the message is for the user, and nothing changed. */
public class RoutingException extends RuntimeException {

    public RoutingException(String message) {
        super(message);
    }
}
