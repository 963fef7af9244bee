package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void german_attribution_cuts_the_history() {
        assertThat(QuotedText.newest("Danke!\n\nAm 03.06.2024 um 10:15 schrieb Example Support <support@example.com>:\n"
                + "> Ihre Bestellung ist unterwegs.")).isEqualTo("Danke!");
    }

    @Test
    void outlook_original_message_marker_cuts_the_history() {
        assertThat(QuotedText.newest("Fine.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\nOld text"))
                .isEqualTo("Fine.");
    }

    @Test
    void inline_answers_between_quotes_stay() {
        assertThat(QuotedText.newest("> Which size?\nLarge.\n> Which colour?\nBlue."))
                .isEqualTo("Large.\nBlue.");
    }

    @Test
    void a_long_sentence_starting_like_a_mobile_footer_is_the_customers_own() {
        String text = "Sent from my office the parcel number is 12345 and it still has not arrived anywhere";
        assertThat(QuotedText.newest(text + "\nThanks")).isEqualTo(text + "\nThanks");
    }

    @Test
    void a_mail_that_is_all_quote_keeps_its_text() {
        assertThat(QuotedText.newest("> only a quote\n> nothing else")).isEqualTo("> only a quote\n> nothing else");
    }
}
