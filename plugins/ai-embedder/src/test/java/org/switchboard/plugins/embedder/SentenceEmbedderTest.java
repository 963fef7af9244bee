package org.switchboard.plugins.embedder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Embedder;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * The shipped model, loaded as the plugin loads it at start, on questions that are not in its training data
 * ({@code dataset/topics.csv}), against the articles of {@code dataset/knowledge-base.tsv}.
 */
class SentenceEmbedderTest {

    private static final Map<String, KeywordIndex.Article> ARTICLES = articles();

    private TestPluginContext context;
    private EmbedderPlugin plugin;
    private final Embedder embedder = new SentenceEmbedder();

    @BeforeEach
    void start() {
        context = new TestPluginContext("ai-embedder");
        plugin = new EmbedderPlugin(context);
        plugin.start();
    }

    @AfterEach
    void stop() {
        plugin.stop();
        context.close();
    }

    @Test
    void a_parcel_that_never_came_is_closer_to_missing_deliveries_than_to_the_return_policy() throws AiException {
        float[] question = embedder.embed("my parcel never came");

        double missing = cosine(question, embedder.embed(text("missing-delivery")));
        double returns = cosine(question, embedder.embed(text("returns")));

        assertThat(ARTICLES.get("missing-delivery").title()).isEqualTo("Missing deliveries");
        assertThat(ARTICLES.get("returns").title()).isEqualTo("Return policy");
        // The return policy is the only article with the word "parcel" in it: keywords alone pick it.
        assertThat(ARTICLES.get("returns").body()).contains("parcel");
        assertThat(ARTICLES.get("missing-delivery").body()).doesNotContain("parcel");
        assertThat(missing).isGreaterThan(returns + 0.1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            my parcel never came                                | missing-delivery
            can I give back a shirt I already washed once       | returns
            what do you charge for delivery                     | shipping-times
            please send the bill again                          | invoices
            the mug was cracked when I opened the box           | damaged-item
            take me off your email list                         | newsletter
            """)
    void the_nearest_article_answers_the_question(String question, String article) throws AiException {
        float[] q = embedder.embed(question);
        String nearest = null;
        double best = -2;
        for (String id : ARTICLES.keySet()) {
            double similarity = cosine(q, embedder.embed(text(id)));
            if (similarity > best) {
                best = similarity;
                nearest = id;
            }
        }
        assertThat(nearest).isEqualTo(article);
    }

    @Test
    void vectors_are_normalised_of_the_declared_length_and_repeatable() throws AiException {
        float[] a = embedder.embed("Where is my order?");
        float[] b = embedder.embed("Where is my order?");

        assertThat(a).hasSize(embedder.dimensions()).containsExactly(b);
        assertThat(embedder.dimensions()).isEqualTo(128);
        assertThat(cosine(a, a)).isCloseTo(1, within(1e-5));
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1, within(1e-5));
        assertThat(embedder.embed("")).hasSize(128);
        assertThat(a).as("known topic: not the zero vector").isNotEqualTo(new float[128]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the quick brown fox jumps over the lazy dog
            what do you think about the football match yesterday
            """)
    void a_text_about_no_topic_it_knows_gets_a_zero_vector(String text) throws AiException {
        assertThat(embedder.embed(text)).hasSize(128).containsOnly(0f);
    }

    @Test
    void the_model_is_the_shipped_default() {
        assertThat(embedder.model().id()).isEqualTo("sentence-embedder");
        assertThat(embedder.model().version()).startsWith("default-");
    }

    @Test
    void the_shipped_model_was_trained_from_the_dataset_in_the_repository() throws Exception {
        List<org.switchboard.plugin.api.ai.LabelledText> examples;
        try (var in = java.nio.file.Files.newBufferedReader(Path.of("dataset/topics.csv"))) {
            examples = org.switchboard.plugins.textclassifier.LabelledCsv.read(in);
        }
        String sha = EmbeddingTrainer.sha256(examples);

        assertThat(EmbedderPlugin.model().metadata().datasetSha256())
                .as("dataset/topics.csv changed: retrain with -P train-default-model").isEqualTo(sha);
        assertThat(embedder.model().version()).isEqualTo("default-" + sha.substring(0, 8));
    }

    @Test
    void the_test_questions_are_not_in_the_training_data() throws IOException {
        String dataset = java.nio.file.Files.readString(Path.of("dataset/topics.csv")).toLowerCase(java.util.Locale.ROOT);

        assertThat(dataset).doesNotContain("parcel never came").doesNotContain("washed once")
                .doesNotContain("send the bill again").doesNotContain("mug was cracked")
                .doesNotContain("email list");
    }

    @Test
    void after_stop_embedding_fails_with_a_clear_message() {
        plugin.stop();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> embedder.embed("hello"))
                .isInstanceOf(AiException.class).hasMessageContaining("ai-embedder plugin is not started");
        plugin.start();
    }

    static String text(String id) {
        KeywordIndex.Article a = ARTICLES.get(id);
        // As the portal's SemanticRanking embeds a passage.
        return a.title() + "\n" + a.body();
    }

    static double cosine(float[] a, float[] b) {
        return RetrievalEvaluation.cosine(a, b);
    }

    private static Map<String, KeywordIndex.Article> articles() {
        try {
            List<KeywordIndex.Article> list = KnowledgeBaseFile.read(Path.of("dataset/knowledge-base.tsv"));
            return list.stream().collect(Collectors.toMap(KeywordIndex.Article::id, Function.identity(),
                    (x, y) -> x, java.util.LinkedHashMap::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
