package org.switchboard.plugins.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.TrainingReport;
import org.switchboard.plugin.testkit.TestPluginContext;
import org.switchboard.plugins.textclassifier.LabelledCsv;

/** Retraining with "negative" relabelled "angry" in a small uploaded CSV. */
class SentimentRetrainingTest {

    private static final String FURIOUS = "I'm so angry, this is the worst service and nobody helps me";

    private TestPluginContext context;
    private SentimentPlugin plugin;
    private final MessageClassifier classifier = new SentimentClassifier();

    @BeforeEach
    void start() {
        context = new TestPluginContext("ai-sentiment");
        plugin = new SentimentPlugin(context);
        plugin.start();
    }

    @AfterEach
    void stop() {
        plugin.stop();
        context.close();
    }

    @Test
    void a_relabelled_class_is_predicted_by_the_candidate_only_after_activation_and_after_a_restart()
            throws Exception {
        ModelInfo shipped = classifier.model();
        List<LabelledText> examples;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/retrain-angry.csv"),
                StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }

        TrainingReport report = classifier.train(examples, (fraction, stage) -> { });

        assertThat(report.perLabelF1()).containsOnlyKeys("angry", "neutral", "positive");
        assertThat(report.trainingCount() + report.heldOutCount()).isEqualTo(37);
        assertThat(classifier.classify(FURIOUS, null).label()).isEqualTo("negative");
        assertThat(classifier.model()).isEqualTo(shipped);

        classifier.activate(report.candidate());

        assertThat(classifier.classify(FURIOUS, null).label()).isEqualTo("angry");
        plugin.stop();
        plugin = new SentimentPlugin(context);
        plugin.start();
        assertThat(classifier.model()).isEqualTo(report.candidate());
        assertThat(classifier.classify(FURIOUS, null).label()).isEqualTo("angry");
    }

    @Test
    void unusable_training_input_is_refused() {
        List<LabelledText> thin = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            thin.add(new LabelledText("thanks " + i, "positive"));
        }
        for (int i = 0; i < 9; i++) {
            thin.add(new LabelledText("awful " + i, "negative"));
        }

        assertThatThrownBy(() -> classifier.train(thin, (f, s) -> { }))
                .isInstanceOf(AiException.class).hasMessageContaining("negative (9)");
        assertThatThrownBy(() -> classifier.train(thin.subList(0, 15), (f, s) -> { }))
                .isInstanceOf(AiException.class).hasMessageContaining("at least 2 labels");
    }
}
