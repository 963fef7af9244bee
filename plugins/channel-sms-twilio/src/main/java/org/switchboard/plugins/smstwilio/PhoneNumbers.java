package org.switchboard.plugins.smstwilio;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E.164 numbers as Twilio writes them ({@code +15551234567}). Only separators are removed; there is no
 * national-format parsing (that would need libphonenumber and a default country), so a number without its
 * {@code +} and country code is not a number here.
 */
final class PhoneNumbers {

    /** A plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** What people and some systems put between digits. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");

    private PhoneNumbers() {
    }

    /** The number in E.164 with separators removed, or empty when it is not one. */
    static Optional<String> e164(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(value).replaceAll("");
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
