package org.switchboard.plugins.embedder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * A replacement model in the plugin's data directory is loaded instead of the shipped one; a missing or broken
 * model file makes start() throw with a message naming the file, so the host marks the plugin failed and the portal
 * ranks by keywords alone.
 */
class EmbedderStartFailureTest {

    private TestPluginContext context;
    private Path replacement;

    @BeforeEach
    void replacementCopiedFromTheShippedFiles() throws IOException {
        context = new TestPluginContext("ai-embedder");
        replacement = Files.createDirectories(context.dataDirectory().resolve("model"));
        String properties;
        try (InputStream in = EmbedderPlugin.class.getResourceAsStream("model/model.properties")) {
            properties = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^version=.*$",
                    "version=custom-1");
        }
        Files.writeString(replacement.resolve("model.properties"), properties);
        try (InputStream in = EmbedderPlugin.class.getResourceAsStream("model/weights.params")) {
            Files.write(replacement.resolve("weights.params"), in.readAllBytes());
        }
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void an_intact_replacement_is_loaded_instead_of_the_shipped_model() {
        EmbedderPlugin plugin = new EmbedderPlugin(context);
        plugin.start();
        try {
            assertThat(new SentenceEmbedder().model().version()).isEqualTo("custom-1");
        } finally {
            plugin.stop();
        }
    }

    @Test
    void corrupt_weights_make_start_fail_with_a_clear_message() throws IOException {
        Files.write(replacement.resolve("weights.params"), "not a DJL parameter file".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new EmbedderPlugin(context).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ai-embedder cannot start: the embedding model cannot be loaded")
                .hasMessageContaining("weights.params is unusable");
    }

    @Test
    void truncated_weights_make_start_fail() throws IOException {
        byte[] weights = Files.readAllBytes(replacement.resolve("weights.params"));
        Files.write(replacement.resolve("weights.params"), Arrays.copyOf(weights, weights.length / 2));

        assertThatThrownBy(() -> new EmbedderPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weights.params is unusable");
    }

    @Test
    void a_missing_weights_file_makes_start_fail_naming_it() throws IOException {
        Files.delete(replacement.resolve("weights.params"));

        assertThatThrownBy(() -> new EmbedderPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weights.params is missing");
    }

    @Test
    void a_model_for_another_featurizer_is_refused() throws IOException {
        Path properties = replacement.resolve("model.properties");
        Files.writeString(properties, Files.readString(properties).replace("embedder-ngrams-v1", "embedder-ngrams-v0"));

        assertThatThrownBy(() -> new EmbedderPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("featurizer embedder-ngrams-v0");
    }

    @Test
    void a_model_whose_shapes_do_not_match_its_description_is_refused() throws IOException {
        Path properties = replacement.resolve("model.properties");
        Files.writeString(properties, Files.readString(properties).replaceAll("(?m)^hidden=.*$", "hidden=64"));

        assertThatThrownBy(() -> new EmbedderPlugin(context).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weights.params is unusable");
    }
}
