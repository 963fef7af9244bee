package org.switchboard.portal.customer;

import java.net.IDN;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;

/**
 * Brings identities to the one form they are stored and matched in, so the same address or number arriving on
 * different channels is recognised as the same customer.
 *
 * <p>Emails: trimmed, lower-cased, the domain in its ASCII (punycode) form. Phones: digits only with a leading
 * {@code +} (WhatsApp sends {@code 15551234567}, SMS {@code +1 555-123-4567}: both become {@code +15551234567}).
 * Region-aware parsing of national numbers is not done here yet. Other kinds: trimmed, case kept (provider ids are
 * case-sensitive).
 */
@Component
public class IdentityNormalizer {

    static final int MAX_VALUE_LENGTH = 320;

    /** Normalises an identity; throws {@link InvalidIdentityException} for a value that cannot be one. */
    public NormalizedIdentity normalize(Identity identity) {
        String kind = identity.kind().id();
        String raw = identity.value().strip();
        String value;
        if (identity.kind().equals(IdentityKind.EMAIL)) {
            value = normalizeEmail(raw);
        } else if (identity.kind().equals(IdentityKind.PHONE)) {
            value = normalizePhone(raw);
        } else {
            value = raw;
        }
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidIdentityException("not a usable " + kind + " identity");
        }
        return new NormalizedIdentity(kind, value);
    }

    private static String normalizeEmail(String raw) {
        int at = raw.lastIndexOf('@');
        if (at <= 0 || at == raw.length() - 1 || raw.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidIdentityException("not an email address");
        }
        String local = raw.substring(0, at).toLowerCase(Locale.ROOT);
        String domain;
        try {
            domain = IDN.toASCII(raw.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("not an email domain");
        }
        return local + "@" + domain;
    }

    private static String normalizePhone(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (raw.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.length() < 6 || digits.length() > 15) {
            throw new InvalidIdentityException("not a phone number");
        }
        return "+" + digits;
    }
}
