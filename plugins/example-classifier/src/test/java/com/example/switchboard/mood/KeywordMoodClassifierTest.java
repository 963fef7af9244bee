package com.example.switchboard.mood;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.ConversationSnapshot;
import org.switchboard.plugin.api.ai.SnapshotMessage;

class KeywordMoodClassifierTest {

    // The concrete type: its classify() declares no AiException.
    private final KeywordMoodClassifier classifier = new KeywordMoodClassifier();

    @Test
    void an_upset_customer_is_negative_confidently_enough_to_raise_the_priority() {
        Classification mood = classifier.classify("This is unacceptable, the parcel arrived broken!",
                conversation("This is unacceptable, the parcel arrived broken!"));

        assertThat(mood.label()).isEqualTo("negative");
        assertThat(mood.confidence()).isGreaterThanOrEqualTo(0.7); // the portal's default threshold
        assertThat(mood.model()).isEqualTo(classifier.model());
        assertThat(mood.scores()).containsOnlyKeys(classifier.labels());
    }

    @Test
    void thanks_is_positive_and_a_plain_question_neutral() {
        assertThat(classifier.classify("Thanks, great service!", null).label()).isEqualTo("positive");
        assertThat(classifier.classify("Where is my order 4711?", null))
                .satisfies(mood -> {
                    assertThat(mood.label()).isEqualTo("neutral");
                    assertThat(mood.confidence()).isLessThan(0.7);
                });
    }

    @Test
    void scores_add_up_to_one() {
        double total = classifier.classify("I want a refund, worst shop ever", null).scores().values().stream()
                .mapToDouble(Double::doubleValue).sum();

        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static ConversationSnapshot conversation(String customerText) {
        return new ConversationSnapshot("17", null, "example", List.of(new SnapshotMessage(
                SnapshotMessage.Author.CUSTOMER, "example", "Ada", customerText, Instant.now())));
    }
}
