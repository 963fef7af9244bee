package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against the example of Twilio's security documentation, also used by Twilio's Java helper library's tests:
 * auth token {@code 12345}, URL {@code https://mycompany.com/myapp.php?foo=1&bar=2}.
 */
class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675309"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675309"),
            "To", List.of("+18005551212"));
    private static final String DOCUMENTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioSignature signature = new TwilioSignature("12345");

    @Test
    void signs_the_documented_example_as_twilio_does() {
        assertThat(signature.sign(URL, PARAMS)).isEqualTo(DOCUMENTED);
        assertThat(signature.verify(DOCUMENTED, URL, PARAMS)).isTrue();
    }

    @Test
    void another_value_token_or_url_does_not_verify() {
        assertThat(signature.verify(DOCUMENTED, URL, Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675309"), "Digits", List.of("9999"), "From", List.of("+14158675309"),
                "To", List.of("+18005551212")))).isFalse();
        assertThat(new TwilioSignature("54321").verify(DOCUMENTED, URL, PARAMS)).isFalse();
        assertThat(signature.verify(DOCUMENTED, URL.replace("foo=1", "foo=2"), PARAMS)).isFalse();
        assertThat(signature.verify("NOT" + DOCUMENTED, URL, PARAMS)).isFalse();
    }

    @Test
    void a_signature_made_with_the_default_port_verifies_against_the_url_without_it() {
        // Twilio's helper libraries: the same request signed over https://mycompany.com:443/…
        assertThat(signature.verify("kvajT1Ptam85bY51eRf/AJRuM3w=", URL, PARAMS)).isTrue();
    }

    @Test
    void a_signature_made_without_the_port_verifies_against_a_url_with_one() {
        assertThat(signature.verify(DOCUMENTED, URL.replace(".com", ".com:1234"), PARAMS)).isTrue();
    }

    @Test
    void a_repeated_parameter_contributes_each_value_sorted() {
        String expected = new TwilioSignature("12345").sign("https://x.test/h", Map.of("A", List.of("1", "2")));
        assertThat(signature.verify(expected, "https://x.test/h", Map.of("A", List.of("2", "1")))).isTrue();
        assertThat(signature.verify(expected, "https://x.test/h", Map.of("A", List.of("1")))).isFalse();
    }

    @Test
    void url_variants_are_the_url_without_port_and_with_the_default_port() {
        assertThat(TwilioSignature.urlVariants("https://a.test/h?x=1")).containsExactly(
                "https://a.test/h?x=1", "https://a.test:443/h?x=1");
        assertThat(TwilioSignature.urlVariants("http://a.test:8080/h")).containsExactly(
                "http://a.test:8080/h", "http://a.test/h");
    }
}
