package org.switchboard.plugins.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerTextTest {

    @Test
    void order_numbers_are_read_in_the_ways_customers_write_them() {
        assertThat(CustomerText.orderNumbers("Where is #4827?")).containsExactly("4827");
        assertThat(CustomerText.orderNumbers("order 4827 and order no. 4650")).containsExactly("4827", "4650");
        assertThat(CustomerText.orderNumbers("My order number is 8080.")).containsExactly("8080");
        assertThat(CustomerText.orderNumbers("Wo ist meine Bestellung Nr. 7310?")).containsExactly("7310");
        assertThat(CustomerText.orderNumbers("ma commande 5120")).containsExactly("5120");
    }

    @Test
    void postcodes_phone_numbers_and_amounts_are_not_order_numbers() {
        assertThat(CustomerText.orderNumbers("Hauptstraße 12, 10115 Berlin, +49 30 1234567, I paid 49.90"))
                .isEmpty();
    }

    @Test
    void a_reference_is_mentioned_only_as_a_whole_token() {
        assertThat(CustomerText.mentions("where is 4827?", "4827")).isTrue();
        assertThat(CustomerText.mentions("tracking 148270", "4827")).isFalse();
    }

    @Test
    void asking_how_to_cancel_is_a_question_asking_to_cancel_is_an_action() {
        assertThat(CustomerText.asksForAction("Please cancel my order 4901")).isTrue();
        assertThat(CustomerText.asksForAction("Bitte die Bestellung stornieren")).isTrue();
        assertThat(CustomerText.asksForAction("How can I cancel an order?")).isFalse();
        assertThat(CustomerText.asksForAction("Any update on my order?")).isFalse();
    }

    @Test
    void the_same_question_in_other_punctuation_is_similar_and_a_new_one_is_not() {
        assertThat(CustomerText.similarity("Where is my order?", "where is my order??")).isGreaterThan(0.9);
        assertThat(CustomerText.similarity("Where is order #4827?", "And where is order #4650?")).isLessThan(0.5);
    }

    @Test
    void german_words_make_german_answers_and_a_german_profile_decides_short_messages() {
        assertThat(Language.of(null, "Hallo, wo ist meine Bestellung?")).isEqualTo(Language.DE);
        assertThat(Language.of("de-DE", "Where is my order #4827?")).isEqualTo(Language.EN);
        assertThat(Language.of("de", "Status?")).isEqualTo(Language.DE);
        assertThat(Language.of(null, "Status?")).isEqualTo(Language.EN);
    }
}
