package org.switchboard.plugins.textclassifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;

class TrainingExamplesTest {

    private static List<LabelledText> examples(String label, int count) {
        List<LabelledText> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new LabelledText("message " + i + " about " + label, label));
        }
        return list;
    }

    @Test
    void one_label_is_refused() {
        assertThatThrownBy(() -> TrainingExamples.validate(examples("refund", 30)))
                .isInstanceOf(AiException.class).hasMessageContaining("at least 2 labels");
    }

    @Test
    void a_label_with_too_few_examples_is_named() {
        List<LabelledText> list = new ArrayList<>(examples("refund", 20));
        list.addAll(examples("billing", 3));
        assertThatThrownBy(() -> TrainingExamples.validate(list))
                .isInstanceOf(AiException.class).hasMessageContaining("billing (3)")
                .hasMessageContaining("at least " + TrainingExamples.MIN_PER_LABEL);
    }

    @Test
    void blank_texts_and_malformed_labels_are_refused_with_their_position() {
        List<LabelledText> blank = new ArrayList<>(examples("a", 10));
        blank.add(new LabelledText("  ", "a"));
        assertThatThrownBy(() -> TrainingExamples.validate(blank)).hasMessageContaining("Example 11 has no text");
        List<LabelledText> badLabel = new ArrayList<>(examples("a", 10));
        badLabel.add(new LabelledText("hello", "two words"));
        assertThatThrownBy(() -> TrainingExamples.validate(badLabel)).hasMessageContaining("\"two words\"");
        assertThatThrownBy(() -> TrainingExamples.validate(List.of())).hasMessageContaining("No training examples");
    }

    @Test
    void labels_are_trimmed_and_lower_cased_and_sorted() throws AiException {
        List<LabelledText> list = new ArrayList<>();
        examples("refund", 10).forEach(e -> list.add(new LabelledText(e.text(), " Refund ")));
        list.addAll(examples("billing", 10));
        List<LabelledText> clean = TrainingExamples.validate(list);
        assertThat(TrainingExamples.labels(clean)).containsExactly("billing", "refund");
    }
}
