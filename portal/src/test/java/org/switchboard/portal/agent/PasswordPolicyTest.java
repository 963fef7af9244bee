package org.switchboard.portal.agent;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    static final String EMAIL = "grace.hopper@example.test";
    static final String NAME = "Grace Hopper";

    final PasswordPolicy policy = new PasswordPolicy(new SecurityProperties(null, null, null, null, null, null,
            null));

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                        | at least 12 characters",
        "''                          | at least 12 characters",
        "elevenchars                 | at least 12 characters",
        "grace.hopper@example.test   | not be your email address or name",
        "GRACE.HOPPER                | not be your email address or name",
        "Grace  Hopper               | not be your email address or name",
        "grace.hopper                | not be your email address or name",
        "switchboard123              | too common",
        "correct horse battery staple | too common",
        "password1234                | too common",
        "Password1234                | too common",
        "qwertyuiop123               | too common",
        "aaaaaaaaaaaaaaaa            | too common",
    })
    void refused(String password, String reason) {
        assertThatThrownBy(() -> policy.check(password, EMAIL, NAME)).isInstanceOf(AgentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "\"{0}\" is accepted")
    @CsvSource(delimiter = '|', value = {
        "twelve chars",
        "staple horse battery correct",
        "Grace Hopper writes COBOL",
        "ñandú bebé café",
    })
    void accepted(String password) {
        assertThatCode(() -> policy.check(password, EMAIL, NAME)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "minimum {0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "16 | fifteen chars!!",
    })
    void the_minimum_length_is_configurable(int minimum, String password) {
        PasswordPolicy longer = new PasswordPolicy(new SecurityProperties(minimum, null, null, null, null, null,
                null));
        assertThatThrownBy(() -> longer.check(password, EMAIL, NAME)).hasMessageContaining("at least 16 characters");
        assertThatCode(() -> policy.check(password, EMAIL, NAME)).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void passwords_longer_than_128_characters_are_refused() {
        assertThatThrownBy(() -> policy.check("x".repeat(64) + "y".repeat(65), EMAIL, NAME))
                .hasMessageContaining("at most 128");
    }
}
