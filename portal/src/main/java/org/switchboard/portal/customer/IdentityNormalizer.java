package org.switchboard.portal.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;

/**
 * Brings identities to the one form they are stored and matched in, so the same address or number arriving on
 * different channels is recognised as the same customer.
 *
 * <p><b>Emails</b>: trimmed, {@code mailto:} and angle brackets removed, lower-cased (local part NFC-normalised),
 * the domain in its ASCII (punycode) form without the trailing root dot; with
 * {@code switchboard.identity.email-subaddress=strip} a {@code +tag} sub-address is removed.
 *
 * <p><b>Phones</b>: E.164 by libphonenumber ({@code +4915112345678}); an extension is dropped (it is not part of the
 * line's identity). A number written with {@code +} or {@code 00} is international. A bare digit string not starting
 * with 0 (a WhatsApp {@code wa_id}, a Telegram contact's number) is international too, unless it is not a valid
 * international number but is a valid national one in the default region (a US agent typing {@code 6502530000});
 * when it is valid both ways, international wins ({@code 2015550123} is Egyptian): national numbers are safest
 * written with their trunk prefix or separators ({@code 030 123456}, {@code (201) 555-0123}).
 * Anything else is read as a national number of {@code switchboard.identity.default-region}; without a default
 * region it is refused. Numbers from channels must be <em>possible</em> (right length for their country code); numbers
 * an agent types ({@link #normalizeEntered}) must also be <em>valid</em> (an assigned range), which catches typos.
 * Channels are not held to validity because libphonenumber's ranges lag behind newly assigned ones, and a
 * customer's message must never be refused for that.
 *
 * <p><b>Other kinds</b>: trimmed, case kept (provider ids are case-sensitive).
 */
@Component
public class IdentityNormalizer {

    static final int MAX_VALUE_LENGTH = 320;
    private static final int MAX_LOCAL_PART = 64;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final IdentityProperties properties;

    public IdentityNormalizer(IdentityProperties properties) {
        this.properties = properties;
    }

    /** Normalises an identity a channel delivered; throws {@link InvalidIdentityException} with the reason. */
    public NormalizedIdentity normalize(Identity identity) {
        return normalize(identity, false);
    }

    /**
     * Normalises an identity an agent typed: as {@link #normalize}, but a phone number must also be a valid
     * (assigned) number for its country.
     */
    public NormalizedIdentity normalizeEntered(Identity identity) {
        return normalize(identity, true);
    }

    /**
     * The national significant number of a stored E.164 phone (the number without country code and trunk prefix),
     * used to find the same subscriber number stored under a different country.
     */
    public Optional<String> nationalSignificantNumber(String e164) {
        try {
            return Optional.of(phones.getNationalSignificantNumber(phones.parse(e164, null)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private NormalizedIdentity normalize(Identity identity, boolean strict) {
        String kind = identity.kind().id();
        String raw = identity.value().strip();
        String value;
        if (identity.kind().equals(IdentityKind.EMAIL)) {
            value = normalizeEmail(raw);
        } else if (identity.kind().equals(IdentityKind.PHONE)) {
            value = normalizePhone(raw, strict);
        } else {
            value = raw;
        }
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidIdentityException("not a usable " + kind + " identity (empty or longer than "
                    + MAX_VALUE_LENGTH + " characters)");
        }
        return new NormalizedIdentity(kind, value);
    }

    private String normalizeEmail(String raw) {
        String address = raw;
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
            address = address.substring(7).strip();
        }
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new InvalidIdentityException("not an email address: it needs a local part, an @ and a domain");
        }
        if (address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidIdentityException("not an email address: it contains spaces");
        }
        String local = Normalizer.normalize(address.substring(0, at), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (properties.emailSubaddress() == IdentityProperties.EmailSubaddress.STRIP) {
            int plus = local.indexOf('+');
            if (plus > 0) {
                local = local.substring(0, plus);
            }
        }
        if (local.length() > MAX_LOCAL_PART) {
            throw new InvalidIdentityException("not an email address: the part before @ is longer than 64");
        }
        String domain = address.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1); // the DNS root: "example.com." is "example.com"
        }
        if (domain.isEmpty() || domain.startsWith(".") || domain.contains("..") || domain.contains("@")) {
            throw new InvalidIdentityException("not an email domain: " + domain);
        }
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("not an email domain: " + e.getMessage());
        }
        return local + "@" + domain;
    }

    private String normalizePhone(String raw, boolean strict) {
        PhoneNumber number = parsePhone(raw);
        ValidationResult possible = phones.isPossibleNumberWithReason(number);
        if (possible != ValidationResult.IS_POSSIBLE) {
            throw new InvalidIdentityException("not a phone number: " + switch (possible) {
                case TOO_SHORT -> "too short";
                case TOO_LONG -> "too long";
                case INVALID_COUNTRY_CODE -> "unknown country code +" + number.getCountryCode();
                case IS_POSSIBLE_LOCAL_ONLY -> "too short (no area code?)";
                default -> "wrong length for country code +" + number.getCountryCode();
            });
        }
        if (strict && !phones.isValidNumber(number)) {
            String region = phones.getRegionCodeForNumber(number);
            throw new InvalidIdentityException("not a valid phone number"
                    + (region == null ? " for country code +" + number.getCountryCode() : " in " + region));
        }
        return phones.format(number, PhoneNumberFormat.E164);
    }

    private PhoneNumber parsePhone(String raw) {
        String region = properties.defaultRegion();
        String value = raw.startsWith("00") ? "+" + raw.substring(2) : raw;
        if (value.chars().noneMatch(Character::isDigit)) {
            throw new InvalidIdentityException("not a phone number: no digits");
        }
        if (value.chars().filter(Character::isDigit).count() < 4) {
            throw new InvalidIdentityException("not a phone number: too short");
        }
        try {
            if (value.matches("[1-9][0-9]{0,16}")) {
                PhoneNumber international = phones.parse("+" + value, null);
                if (region == null || phones.isValidNumber(international)) {
                    return international;
                }
                PhoneNumber national = parseOrNull(value, region);
                return national != null && phones.isValidNumber(national) ? national : international;
            }
            if (region == null && !value.startsWith("+")) {
                throw new InvalidIdentityException("not a phone number: no country code (write it with + or 00, or"
                        + " configure switchboard.identity.default-region)");
            }
            return phones.parse(value, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw new InvalidIdentityException("not a phone number: " + switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "unknown or missing country code";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short";
                case TOO_LONG -> "too long";
                default -> "not a number";
            });
        }
    }

    private PhoneNumber parseOrNull(String value, String region) {
        try {
            return phones.parse(value, region);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
