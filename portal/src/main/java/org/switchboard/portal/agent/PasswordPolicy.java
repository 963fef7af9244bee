package org.switchboard.portal.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a password must be, checked wherever one is set (creation, change, invitation, reset): long rather than
 * complicated (NIST SP 800-63B): a minimum length, not the user's own email or name, not one of the passwords
 * attackers try first. No composition rules and no expiry: both push people to predictable passwords.
 */
@Component
public class PasswordPolicy {

    static final int MAX_LENGTH = 128;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(SecurityProperties properties) {
        this.minLength = properties.passwordMinLength();
        this.common = loadCommon();
    }

    public int minLength() {
        return minLength;
    }

    /**
     * @throws AgentException with a message saying what is wrong
     */
    public void check(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new AgentException("Passwords have at least " + minLength + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new AgentException("Passwords have at most " + MAX_LENGTH + " characters.");
        }
        String folded = fold(password);
        if (sameAs(folded, email) || (email != null && sameAs(folded, email.split("@", 2)[0]))
                || sameAs(folded, displayName)) {
            throw new AgentException("The password must not be your email address or name.");
        }
        if (common.contains(folded) || folded.chars().distinct().count() == 1) {
            throw new AgentException("This password is too common and easy to guess; choose another one.");
        }
    }

    private static boolean sameAs(String foldedPassword, String value) {
        return value != null && !value.isBlank() && foldedPassword.equals(fold(value));
    }

    /* Lower case without spaces: "Correct Horse" and "correcthorse" are the same guess. */
    private static String fold(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Set<String> loadCommon() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the portal JAR");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(PasswordPolicy::fold)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
