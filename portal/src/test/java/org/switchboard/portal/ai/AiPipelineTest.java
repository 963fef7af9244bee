package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import org.switchboard.portal.testplugins.TestPluginJar;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.triage.TriageRuleView;
import org.switchboard.portal.triage.TriageRules;

/**
 * The assistant end to end with real plugins: the first-party assistant, the shop-orders data plugin against a
 * local shop, WhatsApp played by its scenario; the intent comes from a small keyword classifier plugin built for
 * this test (the trained DJL classifiers have their own tests). An order-status question is answered on WhatsApp
 * from the shop's data; a complaint is handed to a human with a summary.
 */
@PortalTest
class AiPipelineTest {

    @DynamicPropertySource
    static void plugins(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        Path plugins = TestData.newDirectory().root().resolve("plugins");
        keywordClassifier().writeTo(plugins);
        registry.add("switchboard.plugins.directory", plugins::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CustomerDataSources dataSources;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    ConversationQueries queries;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    DataSource dataSource;

    @Autowired
    TriageRules triage;

    JdbcTemplate jdbc;
    WhatsappShopScenario scenario;

    @BeforeEach
    void channelShopAndKnowledge() {
        jdbc = new JdbcTemplate(dataSource);
        scenario = new WhatsappShopScenario(port, accounts, dataSources, urls, jdbc);
        knowledge.save(null, "Return policy", "You can return any item within 30 days of delivery.",
                List.of("returns"), "en", true);
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void an_order_status_question_on_whatsapp_is_answered_from_the_shops_data() throws Exception {
        scenario.acceptSends();
        long conversation = scenario.customerWrites("Hi, where is my order #4827?");

        scenario.await(conversation, "the assistant answered", () -> scenario.botReplies(conversation) == 1);
        String answer = jdbc.queryForObject("select body_text from message where conversation_id = ? and direction"
                + " = 'OUT'", String.class, conversation);
        assertThat(answer).contains("4827").containsIgnoringCase("shipped").contains("1Z999AA10123456784");
        assertThat(scenario.events(conversation, "AI_CLASSIFIED")).as("intent and sentiment").isEqualTo(2);
        assertThat(scenario.events(conversation, "BOT_REPLY")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from conversation_event where conversation_id = ? and"
                + " event_type = 'BOT_REPLY'", String.class, conversation)).as("the decision: model and confidence")
                .contains("assistant-templates@").matches("0\\.\\d\\d .*");
        assertThat(scenario.events(conversation, "AI_SUGGESTED")).as("a sent answer is not a suggestion").isZero();
        assertThat(scenario.events(conversation, "FIRST_RESPONSE")).as("a bot is not a human first response")
                .isZero();
        dispatcher.deliverDue();
        long reply = jdbc.queryForObject("select id from message where conversation_id = ? and direction = 'OUT'",
                Long.class, conversation);
        Await.until("the answer went out on WhatsApp", () -> queries.message(reply).orElseThrow().deliveryStatus()
                == DeliveryStatus.SENT);
    }

    @Test
    void a_complaint_is_handed_to_a_human_with_a_summary_and_nothing_is_sent() throws Exception {
        long conversation = scenario.customerWrites(
                "This is unacceptable, the blender broke after one day. I want a manager!");

        Await.until("the assistant escalated", () -> scenario.events(conversation, "ESCALATED") == 1);
        assertThat(scenario.botReplies(conversation)).isZero();
        String summary = queries.aiNotes(conversation).summary();
        assertThat(summary).isNotBlank().containsIgnoringCase("whatsapp");
        Await.until("the sentiment is recorded", () -> scenario.events(conversation, "AI_CLASSIFIED") == 2);
        long customer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                conversation);
        assertThat(queries.sentimentTrend(customer, 5)).containsExactly("negative 0.90");
        assertThat(jdbc.queryForObject("select priority from conversation where id = ?", String.class, conversation))
                .as("an upset customer is prioritised").isEqualTo("HIGH");
    }

    @Test
    void a_triage_rule_raises_priority_routes_to_a_team_and_labels() throws Exception {
        long team = triage.team("Escalations " + UUID.randomUUID()).getId();
        triage.save(new TriageRuleView(null, "Other questions on WhatsApp", true, "other", null, "whatsapp", null,
                null, Priority.URGENT, team, java.util.Set.of("Needs Triage")));

        long conversation = scenario.customerWrites("Hello there, quick question about your opening hours");

        Await.until("the rule acted", () -> scenario.events(conversation, "TEAM_CHANGED") == 1);
        assertThat(jdbc.queryForMap("select priority, team_id from conversation where id = ?", conversation))
                .containsEntry("priority", "URGENT").containsEntry("team_id", team);
        Await.until("the rule labelled it", () -> jdbc.queryForList("select label from conversation_label where"
                + " conversation_id = ?", String.class, conversation).contains("needs-triage"));
    }

    /** A real plugin JAR with a keyword intent classifier: enough to drive the pipeline deterministically. */
    static TestPluginJar keywordClassifier() {
        return TestPluginJar.plugin("test-keyword-intent").requires(">=0.4.0 & <1.0.0")
                .source("testplugin.keywords.KeywordIntent", """
                        package testplugin.keywords;

                        import java.util.List;
                        import java.util.Locale;
                        import java.util.Map;
                        import org.pf4j.Extension;
                        import org.switchboard.plugin.api.ai.Classification;
                        import org.switchboard.plugin.api.ai.ConversationSnapshot;
                        import org.switchboard.plugin.api.ai.MessageClassifier;
                        import org.switchboard.plugin.api.ai.ModelInfo;

                        @Extension
                        public class KeywordIntent implements MessageClassifier {
                            static final ModelInfo MODEL = new ModelInfo("keywords", "1");

                            public String id() { return "intent"; }
                            public Task task() { return Task.INTENT; }
                            public ModelInfo model() { return MODEL; }
                            public List<String> labels() { return List.of("order_status", "complaint", "other"); }

                            public Classification classify(String text, ConversationSnapshot conversation) {
                                String t = text.toLowerCase(Locale.ROOT);
                                String label = t.contains("unacceptable") || t.contains("broke") ? "complaint"
                                        : t.contains("order") ? "order_status" : "other";
                                double confidence = label.equals("other") ? 0.5 : 0.92;
                                return new Classification(label, confidence, Map.of(label, confidence), MODEL);
                            }
                        }
                        """)
                .source("testplugin.keywords.KeywordSentiment", """
                        package testplugin.keywords;

                        import java.util.List;
                        import java.util.Map;
                        import org.pf4j.Extension;
                        import org.switchboard.plugin.api.ai.Classification;
                        import org.switchboard.plugin.api.ai.ConversationSnapshot;
                        import org.switchboard.plugin.api.ai.MessageClassifier;
                        import org.switchboard.plugin.api.ai.ModelInfo;

                        @Extension
                        public class KeywordSentiment implements MessageClassifier {
                            static final ModelInfo MODEL = new ModelInfo("sentiment-keywords", "1");

                            public String id() { return "sentiment"; }
                            public Task task() { return Task.SENTIMENT; }
                            public ModelInfo model() { return MODEL; }
                            public List<String> labels() { return List.of("negative", "neutral"); }

                            public Classification classify(String text, ConversationSnapshot conversation) {
                                String label = text.toLowerCase().contains("unacceptable") ? "negative" : "neutral";
                                return new Classification(label, 0.9, Map.of(label, 0.9), MODEL);
                            }
                        }
                        """);
    }
}
