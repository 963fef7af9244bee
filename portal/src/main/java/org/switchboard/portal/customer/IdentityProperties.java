package org.switchboard.portal.customer;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identities are normalised.
 *
 * @param defaultRegion   ISO 3166 region (e.g. {@code DE}) that phone numbers written without a country code belong
 *                        to; unset: such numbers are refused unless written with {@code +} or {@code 00}
 * @param emailSubaddress what to do with a sub-address ({@code kim+shop@example.com}): {@code keep} (default) or
 *                        {@code strip} it, so that {@code kim+shop@} and {@code kim@} are one customer. Changing it
 *                        applies to new identities only; stored ones are not rewritten.
 */
@ConfigurationProperties("switchboard.identity")
public record IdentityProperties(String defaultRegion, EmailSubaddress emailSubaddress) {

    /** Sub-address handling for emails. */
    public enum EmailSubaddress {
        KEEP, STRIP
    }

    public IdentityProperties {
        if (defaultRegion != null && defaultRegion.isBlank()) {
            defaultRegion = null;
        }
        if (defaultRegion != null) {
            defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
                throw new IllegalArgumentException(
                        "switchboard.identity.default-region: not a region libphonenumber knows: " + defaultRegion);
            }
        }
        emailSubaddress = emailSubaddress == null ? EmailSubaddress.KEEP : emailSubaddress;
    }

    /** No default region, sub-addresses kept: the behaviour without configuration. */
    public static IdentityProperties defaults() {
        return new IdentityProperties(null, null);
    }
}
