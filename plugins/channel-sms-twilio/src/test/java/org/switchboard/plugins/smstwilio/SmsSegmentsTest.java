package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.plugins.smstwilio.SmsSegments.Encoding;

class SmsSegmentsTest {

    @Test
    void plain_latin_text_is_gsm7_in_one_sms() {
        assertThat(SmsSegments.of("Your order ships today.")).isEqualTo(new SmsSegments(Encoding.GSM_7, 1, 23));
    }

    @Test
    void an_empty_text_still_takes_one_sms() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(Encoding.GSM_7, 1, 0));
    }

    @Test
    void gsm7_fits_160_in_one_and_153_per_part_after_that() {
        assertThat(SmsSegments.of("a".repeat(160)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extension_characters_count_twice() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 1, 160));
        assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(new SmsSegments(Encoding.GSM_7, 2, 162));
        assertThat(SmsSegments.of("[a]{b}\\^~|").units()).isEqualTo(18);
    }

    @Test
    void an_extension_character_is_never_split_across_two_parts() {
        // 306 septets would fit two parts of 153, but the escape pair straddles the boundary at 153.
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.GSM_7, 3, 306));
    }

    @Test
    void greek_capitals_and_accented_letters_of_the_gsm_alphabet_stay_gsm7() {
        assertThat(SmsSegments.of("ΔΦΓΛΩ Ça va? Danke schön, señor. ¿Qué? £5 ¥ §").encoding())
                .isEqualTo(Encoding.GSM_7);
    }

    @Test
    void one_character_outside_the_gsm_alphabet_makes_the_whole_text_ucs2() {
        // Lower-case ç is not in GSM 03.38 (only Ç is).
        assertThat(SmsSegments.of("ça va").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(SmsSegments.of("Danke schön 👍")).isEqualTo(new SmsSegments(Encoding.UCS_2, 1, 14));
    }

    @Test
    void ucs2_fits_70_in_one_and_67_per_part_after_that() {
        assertThat(SmsSegments.of("ж".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ж".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void an_emoji_counts_two_units_and_is_never_split_across_two_parts() {
        assertThat(SmsSegments.of("👍").units()).isEqualTo(2);
        String text = "ж".repeat(66) + "👍" + "ж".repeat(66);
        assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.UCS_2, 3, 134));
    }

    @Test
    void the_labels_are_the_usual_names() {
        assertThat(SmsSegments.of("a").encodingLabel()).isEqualTo("GSM-7");
        assertThat(SmsSegments.of("ж").encodingLabel()).isEqualTo("UCS-2");
    }
}
