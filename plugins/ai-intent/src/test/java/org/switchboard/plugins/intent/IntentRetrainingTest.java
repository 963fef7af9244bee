package org.switchboard.plugins.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.TrainingProgress;
import org.switchboard.plugin.api.ai.TrainingReport;
import org.switchboard.plugin.testkit.TestPluginContext;
import org.switchboard.plugins.textclassifier.LabelledCsv;

/** An admin's retraining, through the extension, with real training on a small uploaded CSV. */
class IntentRetrainingTest {

    private static final String WARRANTY_QUESTION = "Is my coffee grinder still covered by the guarantee?";

    private TestPluginContext context;
    private IntentPlugin plugin;
    private final MessageClassifier classifier = new IntentClassifier();

    @BeforeEach
    void start() {
        context = new TestPluginContext("ai-intent");
        plugin = new IntentPlugin(context);
        plugin.start();
    }

    @AfterEach
    void stop() {
        plugin.stop();
        context.close();
    }

    @Test
    void a_candidate_changes_predictions_only_once_activated_and_stays_active_after_a_restart() throws Exception {
        ModelInfo shipped = classifier.model();
        List<LabelledText> examples;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/retrain-warranty.csv"),
                StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }
        List<Double> progress = new ArrayList<>();
        List<String> stages = new ArrayList<>();

        TrainingReport report = classifier.train(examples, (fraction, stage) -> {
            progress.add(fraction);
            stages.add(stage);
        });

        assertThat(report.candidate().id()).isEqualTo("intent-mlp");
        assertThat(report.candidate()).isNotEqualTo(shipped);
        assertThat(report.trainingCount() + report.heldOutCount()).isEqualTo(38);
        assertThat(report.heldOutCount()).isEqualTo(7);
        assertThat(report.perLabelF1()).containsOnlyKeys("order_status", "refund", "warranty");
        assertThat(report.heldOutAccuracy()).isBetween(0.0, 1.0);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(stages).contains("epoch 1 of 30", "epoch 30 of 30");
        assertThat(Files.isRegularFile(context.dataDirectory().resolve("models")
                .resolve(report.candidate().version()).resolve("weights.params"))).isTrue();

        // Not active yet: the shipped model still answers, and knows no "warranty".
        assertThat(classifier.model()).isEqualTo(shipped);
        assertThat(classifier.classify(WARRANTY_QUESTION, null).label()).isNotEqualTo("warranty");
        assertThat(classifier.labels()).hasSize(8);

        classifier.activate(report.candidate());

        assertThat(classifier.model()).isEqualTo(report.candidate());
        assertThat(classifier.labels()).containsExactly("order_status", "refund", "warranty");
        assertThat(classifier.classify(WARRANTY_QUESTION, null).label()).isEqualTo("warranty");
        assertThat(classifier.classify(WARRANTY_QUESTION, null).model()).isEqualTo(report.candidate());

        // A restart (same data directory) loads the activated candidate, not the shipped model.
        plugin.stop();
        plugin = new IntentPlugin(context);
        plugin.start();
        assertThat(classifier.model()).isEqualTo(report.candidate());
        assertThat(classifier.classify(WARRANTY_QUESTION, null).label()).isEqualTo("warranty");

        // The shipped model can be reactivated by its version, also across a restart.
        classifier.activate(shipped);
        assertThat(classifier.labels()).hasSize(8);
        plugin.stop();
        plugin = new IntentPlugin(context);
        plugin.start();
        assertThat(classifier.model()).isEqualTo(shipped);
    }

    @Test
    void unusable_training_input_is_refused_before_training_and_changes_nothing() {
        ModelInfo shipped = classifier.model();
        List<LabelledText> oneLabel = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            oneLabel.add(new LabelledText("where is order " + i, "order_status"));
        }
        List<LabelledText> thin = new ArrayList<>(oneLabel);
        thin.add(new LabelledText("refund please", "refund"));

        assertThatThrownBy(() -> classifier.train(oneLabel, (f, s) -> { }))
                .isInstanceOf(AiException.class).hasMessageContaining("at least 2 labels");
        assertThatThrownBy(() -> classifier.train(thin, (f, s) -> { }))
                .isInstanceOf(AiException.class).hasMessageContaining("refund (1)");
        assertThatThrownBy(() -> classifier.train(List.of(), (f, s) -> { }))
                .isInstanceOf(AiException.class).hasMessageContaining("No training examples");
        assertThat(classifier.model()).isEqualTo(shipped);
        assertThat(Files.exists(context.dataDirectory().resolve("models"))).isFalse();
    }

    @Test
    void a_cancelled_training_run_leaves_no_candidate_and_the_next_one_may_start() throws Exception {
        List<LabelledText> examples;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/retrain-warranty.csv"),
                StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }
        List<String> stages = new ArrayList<>();
        TrainingProgress cancelAfterThreeEpochs = new TrainingProgress() {
            @Override
            public void report(double fraction, String stage) {
                stages.add(stage);
            }

            @Override
            public boolean cancelled() {
                return stages.contains("epoch 3 of 30");
            }
        };

        assertThatThrownBy(() -> classifier.train(examples, cancelAfterThreeEpochs))
                .isInstanceOf(AiException.class).hasMessageContaining("cancelled");

        assertThat(stages).doesNotContain("epoch 4 of 30");
        try (var candidates = Files.list(context.dataDirectory().resolve("models"))) {
            assertThat(candidates).isEmpty();
        } catch (java.nio.file.NoSuchFileException e) {
            // no models folder at all: nothing was saved either
        }
        assertThat(classifier.train(examples, (f, s) -> { }).candidate().id()).isEqualTo("intent-mlp");
    }

    @Test
    void activating_a_model_that_does_not_exist_is_refused_and_the_active_model_stays() throws AiException {
        ModelInfo shipped = classifier.model();

        assertThatThrownBy(() -> classifier.activate(new ModelInfo("intent-mlp", "20990101-000000-deadbeef")))
                .isInstanceOf(AiException.class).hasMessageContaining("no intent-mlp candidate");
        assertThatThrownBy(() -> classifier.activate(new ModelInfo("sentiment-mlp", shipped.version())))
                .isInstanceOf(AiException.class).hasMessageContaining("Not a model of intent-mlp");
        assertThatThrownBy(() -> classifier.activate(new ModelInfo("intent-mlp", "../../etc")))
                .isInstanceOf(AiException.class);
        assertThat(classifier.model()).isEqualTo(shipped);
        assertThat(classifier.classify("where is my parcel", null).model()).isEqualTo(shipped);
    }
}
