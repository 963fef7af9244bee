package org.switchboard.portal.agent;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request or UI. */
@Component
public class CurrentAgent {

    private final AuthenticationContext authentication;
    private final AgentDirectory directory;

    CurrentAgent(AuthenticationContext authentication, AgentDirectory directory) {
        this.authentication = authentication;
        this.directory = directory;
    }

    public AgentView get() {
        String email = authentication.getPrincipalName().orElseThrow(() -> new IllegalStateException("not signed in"));
        return directory.findByEmail(email).orElseThrow(() -> new IllegalStateException("user vanished: " + email));
    }

    public void logout() {
        authentication.logout();
    }
}
