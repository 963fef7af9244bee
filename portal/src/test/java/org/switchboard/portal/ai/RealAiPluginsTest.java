package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.knowledge.KnowledgeBase;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.plugin.PluginStatus;
import org.switchboard.portal.ui.AiModelsView;
import org.switchboard.portal.ui.AiModelsViewAccess;

/**
 * The portal with the real trained AI plugins, loaded by PF4J from their built JARs (copied by the portal's POM into
 * {@code target/ai-plugins}): {@code ai-djl-runtime} (DJL + PyTorch), {@code ai-intent}, {@code ai-sentiment},
 * {@code ai-embedder}, plus the bundled {@code ai-assistant}, {@code data-shop-orders} and {@code channel-whatsapp}.
 * Customers write through the WhatsApp webhook with a valid signature; answers go out through the WhatsApp
 * connector to a local fake Graph API.
 *
 * <p>libtorch loads once per JVM and class loader, so this must stay the only test context in a test JVM that
 * loads {@code ai-djl-runtime}: its tests share one class.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class RealAiPluginsTest extends SpringBrowserlessTest {

    static final List<String> AI_PLUGINS = List.of("ai-djl-runtime", "ai-intent", "ai-sentiment", "ai-embedder");

    @DynamicPropertySource
    static void plugins(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        Path plugins = TestData.newDirectory().root().resolve("plugins");
        copyAiPlugins(plugins);
        registry.add("switchboard.plugins.directory", plugins::toString);
        // Loading libtorch on a busy 2-core machine can take longer than the default 30 s.
        registry.add("switchboard.plugins.start-timeout", () -> "180s");
        // The test calls the warm-up itself; the scheduled one would race with its counts.
        registry.add("switchboard.ai.embedding-warm-up-delay", () -> "1h");
        // The natives are extracted once per machine, shared with the plugins' own tests, not per test run.
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "switchboard-djl-test-cache").toString());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    PluginHost host;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CustomerDataSources dataSources;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    KnowledgeRetrieval retrieval;

    @Autowired
    ModelTraining training;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    ConversationQueries queries;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    WhatsappShopScenario scenario;

    @BeforeEach
    void channelShopAndKnowledge() {
        jdbc = new JdbcTemplate(dataSource);
        scenario = new WhatsappShopScenario(port, accounts, dataSources, urls, jdbc);
        if (knowledge.list().stream().noneMatch(a -> a.title().equals("Missing deliveries"))) {
            Articles.ALL.forEach((title, body) -> knowledge.save(null, title, body, List.of(), "en", true));
        }
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void the_trained_plugins_start_and_classify_a_message_through_the_portal() throws Exception {
        for (String id : AI_PLUGINS) {
            assertThat(host.status(id)).as(id).map(PluginStatus::state).contains("STARTED");
        }
        long conversation = scenario.customerWrites(
                "Hello, I was charged twice for my last order, please check my card");

        Await.until("intent and sentiment recorded", () -> scenario.events(conversation, "AI_CLASSIFIED") == 2);
        List<String> decisions = scenario.details(conversation, "AI_CLASSIFIED");
        assertThat(decisions).anySatisfy(d -> assertThat(d).startsWith("intent:billing ").contains("intent-mlp@default-"));
        assertThat(decisions).anySatisfy(d -> assertThat(d).startsWith("sentiment:").contains("sentiment-mlp@default-"));
        assertThat(jdbc.queryForObject("select intent from conversation where id = ?", String.class, conversation))
                .isEqualTo("billing");
    }

    @Test
    void an_order_status_question_on_whatsapp_is_answered_from_the_shops_data_and_sent_to_the_graph_api()
            throws Exception {
        scenario.acceptSends();
        long conversation = scenario.customerWrites("Hi, where is my order #4827?");

        scenario.await(conversation, "the assistant answered", () -> scenario.botReplies(conversation) == 1);
        assertThat(scenario.details(conversation, "AI_CLASSIFIED"))
                .anySatisfy(d -> assertThat(d).startsWith("intent:order_status ").contains("intent-mlp@"));
        String answer = jdbc.queryForObject("select body_text from message where conversation_id = ? and direction"
                + " = 'OUT'", String.class, conversation);
        assertThat(answer).contains("4827").containsIgnoringCase("shipped").contains("1Z999AA10123456784");
        dispatcher.deliverDue();
        long reply = jdbc.queryForObject("select id from message where conversation_id = ? and direction = 'OUT'",
                Long.class, conversation);
        Await.until("the answer went out on WhatsApp", () -> queries.message(reply).orElseThrow().deliveryStatus()
                == DeliveryStatus.SENT);
        assertThat(scenario.graphApi.requests()).anySatisfy(r -> assertThat(new String(r.body(),
                StandardCharsets.UTF_8)).contains("1Z999AA10123456784"));
    }

    @Test
    void a_complaint_is_escalated_with_a_summary_pinned_on_the_conversation() throws Exception {
        long conversation = scenario.customerWrites(
                "This is unacceptable, the blender broke after one day and nobody answers my emails. I want a manager!");

        scenario.await(conversation, "the assistant escalated", () -> scenario.events(conversation, "ESCALATED") == 1);
        assertThat(scenario.botReplies(conversation)).isZero();
        assertThat(scenario.details(conversation, "AI_CLASSIFIED"))
                .anySatisfy(d -> assertThat(d).startsWith("sentiment:negative ").contains("sentiment-mlp@"));
        String summary = queries.aiNotes(conversation).summary();
        assertThat(summary).isNotBlank().containsIgnoringCase("whatsapp");
    }

    @Test
    void retraining_from_a_small_csv_changes_predictions_only_once_activated_after_the_held_out_figures()
            throws Exception {
        MessageClassifier intent = training.classifiers().stream().filter(c -> c.id().equals("intent")).findFirst()
                .orElseThrow();
        ModelInfo shipped = intent.model();
        String question = "the kettle stopped heating after two months, is that covered?";
        assertThat(intent.labels()).doesNotContain("warranty");
        assertThat(intent.classify(question, null).label()).isNotEqualTo("warranty");
        AiModelsViewAccess view = new AiModelsViewAccess(navigate(AiModelsView.class));
        try {
            view.chooseClassifier("intent");
            view.upload(Articles.WARRANTY_CSV.getBytes(StandardCharsets.UTF_8));
            try {
                Await.until("the held-out figures are shown", () -> {
                    var session = com.vaadin.flow.server.VaadinSession.getCurrent();
                    session.getService().runPendingAccessTasks(session);
                    return view.activateVisible();
                });
            } catch (AssertionError timedOut) {
                throw new AssertionError(timedOut.getMessage() + "; stage: " + view.stageText(), timedOut);
            }
            assertThat(view.reportText()).contains("Held-out accuracy");
            assertThat(intent.classify(question, null).label()).as("not active yet").isNotEqualTo("warranty");
            assertThat(intent.model()).isEqualTo(shipped);

            view.activate();

            Classification after = intent.classify(question, null);
            assertThat(after.label()).isEqualTo("warranty");
            assertThat(after.model().version()).isNotEqualTo(shipped.version());
            assertThat(intent.labels()).containsExactlyInAnyOrder("warranty", "other");
        } finally {
            training.activate("intent", shipped);
        }
        assertThat(intent.model()).isEqualTo(shipped);
    }

    @Test
    void with_the_embedder_a_question_finds_the_article_that_shares_no_word_with_it() {
        String question = "my parcel never came";

        List<KnowledgePassage> keywords = knowledge.retrieve(question, "en", 5);
        List<KnowledgePassage> byMeaning = retrieval.passages(question, "en");

        assertThat(keywords).as("BM25 alone").extracting(KnowledgePassage::title).first().isEqualTo("Return policy");
        assertThat(keywords).extracting(KnowledgePassage::title).doesNotContain("Missing deliveries");
        assertThat(byMeaning).extracting(KnowledgePassage::title).first().isEqualTo("Missing deliveries");
        assertThat(retrieval.passages(question, null)).as("a customer without a known language")
                .extracting(KnowledgePassage::title).first().isEqualTo("Missing deliveries");
    }

    @Test
    void the_warm_up_embeds_each_published_article_once_ahead_of_questions() {
        knowledge.save(null, "Gift wrapping " + UUID.randomUUID(), "We wrap presents in recycled paper for 2 EUR.",
                List.of(), "en", true);

        assertThat(retrieval.warmUp()).as("the new article at least").isPositive();
        assertThat(retrieval.warmUp()).as("nothing left to embed").isZero();
    }

    @Test
    void a_question_about_no_topic_the_embedder_knows_keeps_the_keyword_ranking() {
        // ai-embedder gives it the zero vector (SentenceEmbedderTest); BM25 still matches "the", "you", "about".
        String question = "what do you think about the football match yesterday";

        List<String> keywords = knowledge.retrieve(question, "en", KnowledgeRetrieval.PASSAGES).stream()
                .map(KnowledgePassage::sourceId).toList();

        assertThat(keywords).isNotEmpty();
        assertThat(retrieval.passages(question, "en")).extracting(KnowledgePassage::sourceId)
                .containsExactlyElementsOf(keywords);
    }

    @Test
    void with_the_embedder_the_assistant_cites_the_semantically_right_article() throws Exception {
        // Both articles hold "days", "return" and "refund", so the assistant's word check finds both equally good
        // and takes the one ranked first: BM25 puts the return policy there, the embedder the refund times.
        String question = "How many days after my return until the refund?";
        long refundArticle = articleId("Refund processing times");
        long returnArticle = articleId("Return policy");
        assertThat(knowledge.retrieve(question, "en", 5)).as("BM25 alone")
                .extracting(KnowledgePassage::title).first().isEqualTo("Return policy");
        assertThat(retrieval.passages(question, "en")).as("with the embedder")
                .extracting(KnowledgePassage::title).first().isEqualTo("Refund processing times");

        assertThat(citedFor(question)).contains("kb:" + refundArticle).doesNotContain("kb:" + returnArticle);

        host.stop("ai-embedder");
        try {
            assertThat(citedFor(question)).as("the same question without the embedder")
                    .contains("kb:" + returnArticle).doesNotContain("kb:" + refundArticle);
        } finally {
            host.start("ai-embedder");
        }
    }

    /** The sources of the assistant's answer (sent or suggested) to a new customer asking on WhatsApp. */
    private String citedFor(String question) throws Exception {
        long conversation = scenario.customerWrites(question);
        scenario.await(conversation, "the assistant answered or suggested",
                () -> scenario.events(conversation, "BOT_REPLY") + scenario.events(conversation, "AI_SUGGESTED") > 0);
        return scenario.events(conversation, "BOT_REPLY") > 0
                ? scenario.details(conversation, "BOT_REPLY").getFirst()
                : queries.aiNotes(conversation).suggestionSources();
    }

    @Test
    void a_broken_model_file_marks_the_plugin_failed_and_the_portal_keeps_working() throws Exception {
        Path replacement = host.context("ai-embedder").dataDirectory().resolve("model");
        Files.createDirectories(replacement);
        Files.writeString(replacement.resolve("model.properties"), """
                model.id=sentence-embedder
                version=broken-1
                featurizer=embedder-ngrams-v1
                dimensions=8192
                hidden=128
                topics=missing-delivery,returns
                min-topic-confidence=0.55
                """);
        Files.writeString(replacement.resolve("weights.params"), "not a DJL parameter file");
        try {
            host.stop("ai-embedder");
            host.start("ai-embedder");

            PluginStatus status = host.status("ai-embedder").orElseThrow();
            assertThat(status.state()).isEqualTo("FAILED");
            assertThat(status.problem()).contains("the embedding model cannot be loaded")
                    .contains(replacement.resolve("weights.params") + " is unusable");
            assertThat(host.status("ai-intent")).map(PluginStatus::state).contains("STARTED");

            scenario.acceptSends();
            long conversation = scenario.customerWrites("Hi, where is my order #4827?");
            assertThat(jdbc.queryForObject("select count(*) from message where conversation_id = ?", Integer.class,
                    conversation)).as("ingestion works").isEqualTo(1);
            Await.until("the assistant still answers, from keyword retrieval",
                    () -> scenario.botReplies(conversation) == 1);
            assertThat(retrieval.passages("my parcel never came", "en")).extracting(KnowledgePassage::title)
                    .as("BM25 alone").first().isEqualTo("Return policy");
        } finally {
            deleteRecursively(replacement);
            host.start("ai-embedder");
        }
        assertThat(host.status("ai-embedder")).map(PluginStatus::state).contains("STARTED");
    }

    private long articleId(String title) {
        return knowledge.list().stream().filter(a -> a.title().equals(title)).findFirst().orElseThrow().id();
    }

    private static void copyAiPlugins(Path plugins) {
        Path built = Path.of("target", "ai-plugins");
        try {
            Files.createDirectories(plugins);
            for (String id : AI_PLUGINS) {
                Path jar;
                try (Stream<Path> files = Files.list(built)) {
                    jar = files.filter(f -> f.getFileName().toString().startsWith(id + "-")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no " + id + " JAR in " + built.toAbsolutePath()
                                    + ": the portal POM copies it there in process-test-resources"));
                }
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
