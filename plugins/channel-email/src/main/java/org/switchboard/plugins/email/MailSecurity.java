package org.switchboard.plugins.email;

import java.util.Locale;
import java.util.Optional;

/** How the connection to a mail server is protected. */
enum MailSecurity {
    /** Plain text; only for servers on a trusted network (and tests). */
    NONE,
    /** Plain connect, then upgraded with STARTTLS; refused if the server cannot upgrade. */
    STARTTLS,
    /** TLS from the first byte (IMAPS on 993, SMTPS on 465). */
    SSL;

    static Optional<MailSecurity> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none", "plain" -> Optional.of(NONE);
            case "starttls", "tls" -> Optional.of(STARTTLS);
            case "ssl", "ssl/tls", "implicit" -> Optional.of(SSL);
            default -> Optional.empty();
        };
    }

    String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
