package org.switchboard.plugins.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.testkit.TestPluginContext;
import org.switchboard.plugins.textclassifier.LabelledCsv;

/** The shipped model, loaded as the plugin loads it at start, on messages that are not in its dataset. */
class IntentClassifierTest {

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hi, where is my package? The tracking number shows no update since Monday | order_status
            I sent the parcel back two weeks ago and still have not received my refund | refund
            How can I return the shoes? They are too small | return
            Is this jacket waterproof? | product_question
            Your service is terrible, nobody ever answers my emails | complaint
            I was charged twice for the same order, please check my invoice | billing
            I forgot my password and cannot log in to my account | account
            Thank you very much, have a nice day! | other
            """)
    void the_shipped_model_recognises_a_clear_message_of_each_intent(String text, String intent) throws AiException {
        Classification result = classifier.classify(text, null);

        assertThat(result.label()).isEqualTo(intent);
        assertThat(result.confidence()).isEqualTo(result.scores().get(intent), within(1e-9));
    }

    @Test
    void a_classification_carries_every_label_score_and_the_model_that_decided() throws AiException {
        Classification result = classifier.classify("Wo ist meine Bestellung? Ich warte seit zehn Tagen.", null);

        assertThat(result.scores()).containsOnlyKeys("order_status", "refund", "return", "product_question",
                "complaint", "billing", "account", "other");
        assertThat(result.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-4));
        assertThat(result.scores().values())
                .allSatisfy(score -> assertThat(score).isLessThanOrEqualTo(result.confidence()));
        assertThat(result.model()).isEqualTo(classifier.model());
        assertThat(result.model().id()).isEqualTo("intent-mlp");
        assertThat(result.model().version()).startsWith("default-");
        assertThat(result.label()).isEqualTo("order_status");
    }

    @Test
    void the_extension_describes_itself() {
        assertThat(classifier.id()).isEqualTo("intent");
        assertThat(classifier.task()).isEqualTo(MessageClassifier.Task.INTENT);
        assertThat(classifier.trainable()).isTrue();
        assertThat(classifier.labels()).containsExactly("account", "billing", "complaint", "order_status", "other",
                "product_question", "refund", "return");
    }

    /** A changed dataset without a retrained model would make the README's figures and the shipped model lie. */
    @Test
    void the_shipped_model_was_trained_from_the_dataset_in_the_repository() throws Exception {
        List<LabelledText> examples;
        try (Reader in = Files.newBufferedReader(Path.of("dataset/intent.csv"), StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }
        Properties shipped = new Properties();
        try (InputStream in = IntentPlugin.class.getResourceAsStream("model/model.properties")) {
            shipped.load(in);
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (LabelledText e : examples) {
            digest.update(e.text().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(e.label().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        assertThat(shipped.getProperty("dataset.sha256"))
                .as("retrain the default model after changing dataset/intent.csv (see README)")
                .isEqualTo(HexFormat.of().formatHex(digest.digest()));
        assertThat(examples.stream().collect(java.util.stream.Collectors.groupingBy(LabelledText::label,
                java.util.stream.Collectors.counting())).values())
                .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(60));
        assertThat(Double.parseDouble(shipped.getProperty("heldout.accuracy"))).isGreaterThan(0.6);
    }

    @Test
    void without_a_started_plugin_the_classifier_answers_with_an_ai_exception() {
        plugin.stop();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> classifier.classify("hello", null))
                .isInstanceOf(AiException.class).hasMessageContaining("not started");
        plugin.start();
    }

}
