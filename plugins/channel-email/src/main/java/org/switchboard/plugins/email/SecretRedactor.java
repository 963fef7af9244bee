package org.switchboard.plugins.email;

import java.util.List;

/**
 * Removes the account's passwords from text that admins or agents will see. Servers do not normally echo
 * passwords, but an error message built from a URL or a misconfigured field could, and checking costs nothing.
 */
final class SecretRedactor {

    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    SecretRedactor(EmailSettings settings) {
        this.secrets = java.util.stream.Stream.of(settings.imap().password(), settings.smtp().password())
                .filter(secret -> secret != null && secret.length() >= MIN_SECRET_LENGTH).distinct().toList();
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
