package org.switchboard.portal.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSAT parsing table: what customers answer to "rate us 1 to 5", and what we read from it. */
class CsatParserTest {

    static Stream<Arguments> ratings() {
        return Stream.of(
                // digits
                rated("5", 5, null),
                rated("1", 1, null),
                rated("  3  ", 3, null),
                rated("5.", 5, null),
                rated("5/5", 5, null),
                rated("4 / 5", 4, null),
                rated("4 out of 5", 4, null),
                rated("4 of 5, quick and friendly", 4, "quick and friendly"),
                rated("3 sur 5", 3, null),
                rated("4 stars", 4, null),
                rated("5 stars, thank you!", 5, "thank you!"),
                rated("5*", 5, null),
                rated("I'd say 3", 3, null),
                rated("I’d say 3", 3, null),
                rated("I would give it a 4", 4, null),
                rated("Rating: 2 - slow answer", 2, "slow answer"),
                rated("4 👍 thanks", 4, "thanks"),
                rated("5 great job", 5, "great job"),
                rated("5! Great job", 5, "Great job"),
                rated("Thanks! 5", 5, "Thanks!"),
                rated("10/10", 5, null),
                rated("8/10 quick answer", 4, "quick answer"),
                rated("3 — the agent was friendly but it took 4 days", 3,
                        "the agent was friendly but it took 4 days"),
                rated("👍 4", 4, null),
                // stars
                rated("⭐⭐⭐⭐⭐", 5, null),
                rated("⭐⭐⭐ ok-ish", 3, "ok-ish"),
                rated("★★★★☆", 4, null),
                rated("5 ⭐", 5, null),
                rated("⭐ ⭐", 2, null),
                // number words
                rated("five", 5, null),
                rated("Four stars", 4, null),
                rated("three out of five", 3, null),
                rated("I'd say four", 4, null),
                rated("fünf", 5, null),
                rated("Quatre !", 4, null),
                rated("cinco estrellas", 5, null),
                // words
                rated("excellent", 5, null),
                rated("Excellent service!", 5, "Excellent service!"),
                rated("good", 4, null),
                rated("Great, thanks!", 4, "Great, thanks!"),
                rated("very good", 5, null),
                rated("ok", 3, null),
                rated("meh", 3, null),
                rated("so so", 3, null),
                rated("bad", 2, null),
                rated("terrible", 1, null),
                rated("very bad", 1, null),
                rated("not bad", 3, null),
                rated("not great", 2, null),
                rated("it wasn't good", 2, "it wasn't good"),
                rated("sehr gut", 5, null),
                rated("geht so", 3, null),
                rated("schlecht", 2, null),
                rated("très bien", 5, null),
                rated("pas mal", 3, null),
                rated("parfait", 5, null),
                rated("excelente", 5, null),
                rated("muy malo", 1, null),
                // emoji
                rated("😀", 5, null),
                rated("🙂", 4, null),
                rated("😐", 3, null),
                rated("🙁", 2, null),
                rated("😡", 1, null),
                rated("👍", 4, null),
                rated("👍🏽", 4, null),
                rated("👎", 2, null),
                rated("❤️", 5, null),
                rated("🙂 quick and friendly", 4, "quick and friendly"),
                rated("good 😀", 4, null),
                // not ratings
                notRated(""),
                notRated("   "),
                notRated("thanks"),
                notRated("Thank you!"),
                notRated("My parcel still hasn't arrived"),
                notRated("2 items were missing from my order"),
                notRated("2 of 5 items arrived broken"),
                notRated("It took 3 days"),
                notRated("I have 2 questions"),
                notRated("Please note 2 boxes are missing"),
                notRated("4 or 5"),
                notRated("4-5"),
                notRated("4.5"),
                notRated("4,5"),
                notRated("6"),
                notRated("0"),
                notRated("7/5"),
                notRated("0 stars"),
                notRated("⭐⭐⭐⭐⭐⭐⭐"),
                notRated("1. The parcel is late 2. The refund is missing"),
                notRated("Call me at 5:30"),
                notRated("Order #4 is wrong"),
                notRated("Thanks 4 the help"),
                notRated("great service 5"),
                notRated("is it good?"),
                notRated("5 stars, but where is my refund?"),
                notRated("Can you call me back? 😡"),
                notRated("not sure"),
                notRated("Great service but the delivery was terrible"),
                notRated("great but terrible"),
                notRated("5 but 👎"),
                notRated("1 😍"),
                notRated("😀😡"),
                notRated("My order 12345 is late, this is terrible and I want a refund now"),
                notRated("Good morning, my order hasn't arrived"),
                notRated("One more thing: the invoice is wrong"),
                notRated("yes"),
                notRated("no"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("ratings")
    void reads_the_rating_and_the_comment(String text, Optional<CsatAnswer> expected) {
        assertThat(CsatParser.parse(text)).isEqualTo(expected);
    }

    @Test
    void the_table_is_large_enough_to_mean_something() {
        assertThat(ratings().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void null_is_no_rating() {
        assertThat(CsatParser.parse(null)).isEmpty();
    }

    @Test
    void a_very_long_comment_is_cut() {
        String text = "5 " + "x".repeat(3000);
        assertThat(CsatParser.parse(text)).hasValueSatisfying(answer -> {
            assertThat(answer.rating()).isEqualTo(5);
            assertThat(answer.comment()).hasSize(CsatAnswer.MAX_COMMENT);
        });
    }

    private static Arguments rated(String text, int rating, String comment) {
        return Arguments.of(text, Optional.of(new CsatAnswer(rating, comment)));
    }

    private static Arguments notRated(String text) {
        return Arguments.of(text, Optional.empty());
    }
}
