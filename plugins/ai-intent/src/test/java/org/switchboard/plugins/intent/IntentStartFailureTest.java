package org.switchboard.plugins.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * A missing or broken model makes start() throw with a message naming the file, so the host marks the plugin failed
 * (PluginJarsIT shows PF4J doing so while the other plugins run).
 */
class IntentStartFailureTest {

    private TestPluginContext context;
    private Path candidate;

    @BeforeEach
    void activeCandidateFromTheShippedFiles() throws IOException {
        context = new TestPluginContext("ai-intent");
        candidate = Files.createDirectories(context.dataDirectory().resolve("models").resolve("v1"));
        String properties;
        try (InputStream in = IntentPlugin.class.getResourceAsStream("model/model.properties")) {
            properties = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^version=.*$",
                    "version=v1");
        }
        Files.writeString(candidate.resolve("model.properties"), properties);
        try (InputStream in = IntentPlugin.class.getResourceAsStream("model/weights.params")) {
            Files.write(candidate.resolve("weights.params"), in.readAllBytes());
        }
        Files.writeString(context.dataDirectory().resolve("active.properties"), "version=v1\n");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void an_intact_copy_starts_which_shows_the_setup_is_right() {
        IntentPlugin plugin = new IntentPlugin(context);
        plugin.start();
        assertThat(new IntentClassifier().model().version()).isEqualTo("v1");
        plugin.stop();
    }

    @Test
    void corrupt_weights_make_start_fail_with_a_clear_message() throws IOException {
        Files.write(candidate.resolve("weights.params"), "not a DJL parameter file".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new IntentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ai-intent cannot start: The intent-mlp model cannot be loaded")
                .hasMessageContaining("model v1's weights.params is unusable");
    }

    @Test
    void truncated_weights_make_start_fail() throws IOException {
        byte[] weights = Files.readAllBytes(candidate.resolve("weights.params"));
        Files.write(candidate.resolve("weights.params"), java.util.Arrays.copyOf(weights, weights.length / 2));

        assertThatThrownBy(() -> new IntentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weights.params is unusable");
    }

    @Test
    void a_missing_weights_file_makes_start_fail_naming_it() throws IOException {
        Files.delete(candidate.resolve("weights.params"));

        assertThatThrownBy(() -> new IntentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("model v1 has no weights.params");
    }

    @Test
    void a_model_for_another_featurizer_is_refused() throws IOException {
        Path properties = candidate.resolve("model.properties");
        Files.writeString(properties, Files.readString(properties).replace("hashed-ngrams-v1", "hashed-ngrams-v0"));

        assertThatThrownBy(() -> new IntentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("featurizer hashed-ngrams-v0");
    }

    @Test
    void a_model_whose_shapes_do_not_match_its_labels_is_refused() throws IOException {
        Path properties = candidate.resolve("model.properties");
        Files.writeString(properties, Files.readString(properties).replaceAll("(?m)^labels=.*$", "labels=a,b,c"));

        assertThatThrownBy(() -> new IntentPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weights.params is unusable");
    }
}
