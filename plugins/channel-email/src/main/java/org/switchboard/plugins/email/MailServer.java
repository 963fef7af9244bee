package org.switchboard.plugins.email;

/**
 * Where and how to reach one mail server (IMAP or SMTP).
 *
 * @param username empty when the server needs no login (SMTP relays on a trusted network)
 */
record MailServer(String host, int port, MailSecurity security, String username, String password) {

    boolean needsLogin() {
        return !username.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return security.configValue() + "://" + (username.isEmpty() ? "" : username + "@") + host + ":" + port;
    }
}
