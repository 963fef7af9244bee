package org.switchboard.portal.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin account, created when the database has no users.
 *
 * @param adminEmail    its login
 * @param adminPassword its password; when empty a random one-time password is generated and printed to the log
 */
@ConfigurationProperties("switchboard.bootstrap")
public record BootstrapProperties(String adminEmail, String adminPassword) {

    public BootstrapProperties {
        adminEmail = adminEmail == null || adminEmail.isBlank() ? "admin@localhost" : adminEmail.strip();
    }
}
