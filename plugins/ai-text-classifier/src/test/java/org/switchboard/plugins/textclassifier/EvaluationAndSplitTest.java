package org.switchboard.plugins.textclassifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.LabelledText;

class EvaluationAndSplitTest {

    @Test
    void accuracy_and_macro_f1_are_computed_per_label() {
        Evaluation e = Evaluation.of(List.of("a", "b", "c"), List.of("a", "a", "b", "c"), List.of("a", "b", "b", "b"));

        assertThat(e.accuracy()).isEqualTo(0.5);
        assertThat(e.perLabelF1().get("a")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(e.perLabelF1().get("b")).isCloseTo(0.5, within(1e-9));
        assertThat(e.perLabelF1().get("c")).isZero();
        assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.5) / 3, within(1e-9));
    }

    @Test
    void the_split_holds_out_a_fifth_of_every_label_and_is_repeatable() {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            examples.add(new LabelledText("a" + i, "a"));
        }
        for (int i = 0; i < 10; i++) {
            examples.add(new LabelledText("b" + i, "b"));
        }

        StratifiedSplit split = StratifiedSplit.of(examples);

        assertThat(split.heldOut()).filteredOn(e -> e.label().equals("a")).hasSize(10);
        assertThat(split.heldOut()).filteredOn(e -> e.label().equals("b")).hasSize(2);
        assertThat(split.training()).hasSize(48).doesNotContainAnyElementsOf(split.heldOut());
        assertThat(StratifiedSplit.of(examples)).isEqualTo(split);
    }

    @Test
    void features_ignore_case_accents_and_digits_and_are_normalised() {
        HashedNgrams ngrams = new HashedNgrams(1024);
        float[] a = ngrams.vector("Rückerstattung für Bestellung 123");
        float[] b = ngrams.vector("RUCKERSTATTUNG fur bestellung 987");

        assertThat(a).containsExactly(b);
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        assertThat(HashedNgrams.words("Hi!! where's it?")).containsExactly("hi", "!", "!", "where", "s", "it", "?");
    }
}
