package org.switchboard.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.customer.IdentityProperties.EmailSubaddress;

class IdentityNormalizerTest {

    private final IdentityNormalizer normalizer = new IdentityNormalizer(IdentityProperties.defaults());

    private static IdentityNormalizer inRegion(String region) {
        return new IdentityNormalizer(new IdentityProperties(region, null));
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -  | +49 151 23456789            | +4915123456789
            -  | +49 (0)151-2345 6789        | +4915123456789
            -  | 0049 151 23456789           | +4915123456789
            -  | 0049-30-123456              | +4930123456
            -  | +44 (0)20 7946 0958         | +442079460958
            -  | +44 7400 123456             | +447400123456
            -  | 00 44 7400 123456           | +447400123456
            -  | +1 (201) 555-0123           | +12015550123
            -  | +1.201.555.0123             | +12015550123
            -  | +1 201 555 0123 ext. 42     | +12015550123
            -  | +1 201-555-0123 x42         | +12015550123
            -  | +1-800-FLOWERS              | +18003569377
            -  | +33 1 23 45 67 89           | +33123456789
            -  | +33 (0)6 12 34 56 78        | +33612345678
            -  | +91 81234 56789             | +918123456789
            -  | +91-8123456789              | +918123456789
            -  | 4915123456789               | +4915123456789
            -  | 15551234567                 | +15551234567
            -  | ' +1 555 123 4567 '         | +15551234567
            DE | 030 123456                  | +4930123456
            DE | (030) 12 34 56              | +4930123456
            DE | 0151 23456789               | +4915123456789
            DE | 0151/23456789               | +4915123456789
            DE | +44 7400 123456             | +447400123456
            DE | 004915123456789             | +4915123456789
            DE | 4915123456789               | +4915123456789
            DE | 447400123456                | +447400123456
            US | (201) 555-0123              | +12015550123
            US | 201.555.0123                | +12015550123
            US | 1-201-555-0123              | +12015550123
            US | 6502530000                  | +16502530000
            US | 011 44 7400 123456          | +447400123456
            US | 12015550123                 | +12015550123
            GB | 07400 123456                | +447400123456
            GB | 020 7946 0958               | +442079460958
            GB | +44 (0) 7400-123-456        | +447400123456
            FR | 06 12 34 56 78              | +33612345678
            FR | 01.23.45.67.89              | +33123456789
            FR | 0033 6 12 34 56 78          | +33612345678
            IN | 081234 56789                | +918123456789
            IN | 08123456789                 | +918123456789
            IN | +91 (812) 345-6789          | +918123456789
            """)
    void phone_numbers_in_real_world_formats_become_e164(String region, String raw, String expected) {
        IdentityNormalizer n = region == null ? normalizer : inRegion(region);

        assertThat(n.normalize(Identity.phone(raw))).isEqualTo(new NormalizedIdentity("phone", expected));
    }

    @ParameterizedTest(name = "[{0}] {1} refused: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -  | 12                          | too short
            -  | +49 123                     | too short
            -  | +999 1234567                | country code
            -  | +1 201 555 01234567890      | too long
            -  | hello                       | no digits
            -  | 12-34                       | no country code
            -  | 030 123456                  | no country code
            -  | (201) 555-0123              | no country code
            DE | +49 30                      | too short
            US | 555-0123                    | no area code
            """)
    void impossible_phone_numbers_are_refused_with_a_reason(String region, String raw, String reason) {
        IdentityNormalizer n = region == null ? normalizer : inRegion(region);

        assertThatThrownBy(() -> n.normalize(Identity.phone(raw)))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void a_number_an_agent_types_must_be_a_valid_one_not_just_the_right_length() {
        // 555 is no US area code: channels may deliver it (fictional and new ranges), an agent's typo is caught.
        assertThat(normalizer.normalize(Identity.phone("+1 555 123 4567")).value()).isEqualTo("+15551234567");
        assertThatThrownBy(() -> normalizer.normalizeEntered(Identity.phone("+1 555 123 4567")))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("not a valid phone number");
        assertThat(normalizer.normalizeEntered(Identity.phone("+49 151 23456789")).value())
                .isEqualTo("+4915123456789");
    }

    @Test
    void bare_digits_valid_both_ways_are_read_as_international_like_a_wa_id() {
        assertThat(inRegion("US").normalize(Identity.phone("2015550123")).value()).isEqualTo("+2015550123");
        assertThat(inRegion("US").normalize(Identity.phone("201-555-0123")).value()).isEqualTo("+12015550123");
    }

    @Test
    void a_whatsapp_id_and_an_sms_number_of_one_phone_are_the_same_identity() {
        NormalizedIdentity whatsapp = normalizer.normalize(Identity.phone("15551234567"));
        NormalizedIdentity sms = normalizer.normalize(Identity.phone("+1 (555) 123-4567"));
        NormalizedIdentity international = normalizer.normalize(Identity.phone("0015551234567"));

        assertThat(whatsapp).isEqualTo(sms).isEqualTo(international);
        assertThat(sms.value()).isEqualTo("+15551234567");
        // With a default region a wa_id is still read as international.
        assertThat(inRegion("DE").normalize(Identity.phone("4915123456789")).value()).isEqualTo("+4915123456789");
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            '  Kim.Lee@Example.COM '          | KEEP  | kim.lee@example.com
            kim+shop@example.com              | KEEP  | kim+shop@example.com
            kim+shop@example.com              | STRIP | kim@example.com
            Kim+Shop+2024@Example.com         | STRIP | kim@example.com
            +tag@example.com                  | STRIP | +tag@example.com
            anna@bücher.de                    | KEEP  | anna@xn--bcher-kva.de
            ANNA@BÜCHER.DE                    | KEEP  | anna@xn--bcher-kva.de
            kim@example.com.                  | KEEP  | kim@example.com
            Kim@Example.COM.                  | STRIP | kim@example.com
            <kim@example.com>                 | KEEP  | kim@example.com
            mailto:Kim@Example.com            | KEEP  | kim@example.com
            José@Exämple.org                  | KEEP  | josé@xn--exmple-cua.org
            用户@例子.广告                      | KEEP  | 用户@xn--fsqu00a.xn--4rr70v
            o'brien@example.ie                | KEEP  | o'brien@example.ie
            first.last@sub.domain.co.uk       | KEEP  | first.last@sub.domain.co.uk
            """)
    void emails_in_real_world_forms_are_normalised(String raw, EmailSubaddress subaddress, String expected) {
        IdentityNormalizer n = new IdentityNormalizer(new IdentityProperties(null, subaddress));

        assertThat(n.normalize(Identity.email(raw))).isEqualTo(new NormalizedIdentity("email", expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not-an-email
            two words@example.com
            kim@
            @example.com
            kim@exa..mple.com
            kim@.example.com
            kim@example.com@
            """)
    void values_that_are_no_email_are_refused(String raw) {
        assertThatThrownBy(() -> normalizer.normalize(Identity.email(raw)))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessageContaining("email");
    }

    @Test
    void provider_ids_keep_their_case() {
        assertThat(normalizer.normalize(new Identity(IdentityKind.WEBCHAT_VISITOR, " AbC-123 ")).value())
                .isEqualTo("AbC-123");
    }

    @Test
    void overlong_provider_ids_are_refused() {
        assertThatThrownBy(() -> normalizer.normalize(new Identity(IdentityKind.WEBCHAT_VISITOR, "x".repeat(400))))
                .isInstanceOf(InvalidIdentityException.class);
    }

    @Test
    void the_national_significant_number_drops_country_code_and_trunk_prefix() {
        assertThat(normalizer.nationalSignificantNumber("+4915123456789")).contains("15123456789");
        assertThat(normalizer.nationalSignificantNumber("+447400123456")).contains("7400123456");
    }

    @Test
    void an_unknown_default_region_is_refused_at_startup() {
        assertThatThrownBy(() -> new IdentityProperties("XX", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default-region");
    }
}
