package org.switchboard.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;

class IdentityNormalizerTest {

    private final IdentityNormalizer normalizer = new IdentityNormalizer();

    @Test
    void emails_are_trimmed_lower_cased_and_their_domain_punycoded() {
        assertThat(normalizer.normalize(Identity.email("  Kim.Lee@Example.COM ")).value())
                .isEqualTo("kim.lee@example.com");
        assertThat(normalizer.normalize(Identity.email("anna@bücher.de")).value())
                .isEqualTo("anna@xn--bcher-kva.de");
    }

    @Test
    void a_whatsapp_id_and_an_sms_number_of_one_phone_are_the_same_identity() {
        NormalizedIdentity whatsapp = normalizer.normalize(Identity.phone("15551234567"));
        NormalizedIdentity sms = normalizer.normalize(Identity.phone("+1 (555) 123-4567"));
        NormalizedIdentity international = normalizer.normalize(Identity.phone("0015551234567"));

        assertThat(whatsapp).isEqualTo(sms).isEqualTo(international);
        assertThat(sms.value()).isEqualTo("+15551234567");
    }

    @Test
    void provider_ids_keep_their_case() {
        assertThat(normalizer.normalize(new Identity(IdentityKind.WEBCHAT_VISITOR, " AbC-123 ")).value())
                .isEqualTo("AbC-123");
    }

    @Test
    void values_that_are_no_email_or_phone_are_refused() {
        assertThatThrownBy(() -> normalizer.normalize(Identity.email("not-an-email")))
                .isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> normalizer.normalize(Identity.email("two words@example.com")))
                .isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> normalizer.normalize(Identity.phone("12")))
                .isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> normalizer.normalize(new Identity(IdentityKind.WEBCHAT_VISITOR, "x".repeat(400))))
                .isInstanceOf(InvalidIdentityException.class);
    }
}
