package org.switchboard.plugins.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
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
class SentimentClassifierTest {

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            This is the worst service ever, I am so disappointed and angry | negative
            Nobody answers my emails, this is ridiculous | negative
            Can you tell me the delivery time to Austria? | neutral
            My order number is 40021 | neutral
            Thank you so much, the support was fantastic! | positive
            Great quality, I love it | positive
            """)
    void the_shipped_model_recognises_clear_messages(String text, String sentiment) throws AiException {
        Classification result = classifier.classify(text, null);

        assertThat(result.label()).isEqualTo(sentiment);
        assertThat(result.confidence()).isEqualTo(result.scores().get(sentiment), within(1e-9));
    }

    @Test
    void a_classification_carries_every_label_score_and_the_model_that_decided() throws AiException {
        Classification result = classifier.classify("Vielen Dank, alles perfekt angekommen!", null);

        assertThat(result.scores()).containsOnlyKeys("negative", "neutral", "positive");
        assertThat(result.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-4));
        assertThat(result.model().id()).isEqualTo("sentiment-mlp");
        assertThat(result.model().version()).startsWith("default-");
        assertThat(result.label()).isEqualTo("positive");
    }

    @Test
    void the_extension_describes_itself() {
        assertThat(classifier.id()).isEqualTo("sentiment");
        assertThat(classifier.task()).isEqualTo(MessageClassifier.Task.SENTIMENT);
        assertThat(classifier.trainable()).isTrue();
        assertThat(classifier.labels()).containsExactly("negative", "neutral", "positive");
    }

    /** A changed dataset without a retrained model would make the README's figures and the shipped model lie. */
    @Test
    void the_shipped_model_was_trained_from_the_dataset_in_the_repository() throws Exception {
        List<LabelledText> examples;
        try (Reader in = Files.newBufferedReader(Path.of("dataset/sentiment.csv"), StandardCharsets.UTF_8)) {
            examples = LabelledCsv.read(in);
        }
        Properties shipped = new Properties();
        try (InputStream in = SentimentPlugin.class.getResourceAsStream("model/model.properties")) {
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
                .as("retrain the default model after changing dataset/sentiment.csv (see README)")
                .isEqualTo(HexFormat.of().formatHex(digest.digest()));
        assertThat(examples.stream().collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()))
                .values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(60));
    }

    @Test
    void a_missing_or_broken_candidate_makes_start_fail_with_a_clear_message() throws Exception {
        plugin.stop();
        Path candidate = Files.createDirectories(context.dataDirectory().resolve("models").resolve("v7"));
        try (InputStream in = SentimentPlugin.class.getResourceAsStream("model/model.properties")) {
            Files.writeString(candidate.resolve("model.properties"), new String(in.readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll("(?m)^version=.*$", "version=v7"));
        }
        Files.writeString(context.dataDirectory().resolve("active.properties"), "version=v7\n");

        assertThatThrownBy(() -> new SentimentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ai-sentiment cannot start: The sentiment-mlp model cannot be loaded: model v7 has no "
                        + "weights.params in " + candidate);

        Files.write(candidate.resolve("weights.params"), new byte[] {0, 1, 2, 3});
        assertThatThrownBy(() -> new SentimentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model v7's weights.params is unusable");
    }
}
