package org.switchboard.plugins.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.AssistantReply.Decision;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.TestPluginContext;

/** The LLM connector against a real local HTTP server speaking OpenAI's chat-completions API. */
class LlmPhrasingTest {

    private static final String KEY = "sk-test-very-secret-4711";

    private final ProviderStub llm = ProviderStub.start();
    private final TestPluginContext context = new TestPluginContext("ai-assistant");
    // built the way the host does: the plugin class first, then the extension through its no-arg constructor
    private final AssistantPlugin plugin = new AssistantPlugin(context);
    private final GroundedAssistant assistant = new GroundedAssistant();

    @AfterEach
    void close() {
        llm.close();
        context.close();
    }

    private static String completion(String content) {
        return Json.object().add("id", "chatcmpl-1").add("object", "chat.completion").add("model", "llama3.1:8b")
                .add("choices", Json.array().add(Json.object().add("index", 0)
                        .add("message", Json.object().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .toString();
    }

    private Requests orderQuestion(String timeoutSeconds) {
        return Requests.conversation()
                .order("4827", "shipped", "49.90", "EUR", "2026-11-12T10:00:00Z",
                        Map.of("carrier", "DHL", "tracking number", "JJD000390007"))
                .customer("whatsapp", "Where is my order #4827?")
                .intent("order_status", 0.93)
                .config("llmUrl", llm.baseUrl() + "/v1/")
                .config("llmModel", "llama3.1:8b")
                .config("llmApiKey", KEY)
                .config("llmTimeoutSeconds", timeoutSeconds);
    }

    @Test
    void the_llm_is_asked_with_the_model_a_low_temperature_and_a_prompt_grounded_in_the_facts() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(200,
                completion("Good news! Order #4827 is on its way with DHL — tracking number JJD000390007.")));

        AssistantReply reply = assistant.reply(orderQuestion("15").build());

        RecordedRequest request = llm.takeRequest(5);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).contains("Bearer " + KEY);
        assertThat(request.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        JsonObject body = Json.parse(request.bodyAsString()).asObject();
        assertThat(body.get("model").asString()).isEqualTo("llama3.1:8b");
        assertThat(body.get("temperature").asDouble()).isLessThanOrEqualTo(0.2);
        var messages = body.get("messages").asArray();
        assertThat(messages.size()).isEqualTo(2);
        JsonObject system = messages.get(0).asObject();
        JsonObject user = messages.get(1).asObject();
        assertThat(system.get("role").asString()).isEqualTo("system");
        assertThat(system.get("content").asString())
                .contains("ONLY the facts", "Status: shipped", "Tracking number: JJD000390007", "Carrier: DHL",
                        "Amount: 49.90 EUR");
        assertThat(system.get("content").asString()).doesNotContain(KEY);
        assertThat(user.get("role").asString()).isEqualTo("user");
        assertThat(user.get("content").asString()).isEqualTo("Where is my order #4827?");

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).isEqualTo("Good news! Order #4827 is on its way with DHL — tracking number "
                + "JJD000390007.");
        assertThat(reply.model().id()).isEqualTo("assistant-llm:llama3.1:8b");
        assertThat(reply.sources()).containsExactly("order:4827");
        assertThat(reply.reason()).contains("phrased by the LLM");
    }

    @Test
    void a_server_error_falls_back_to_the_template_and_says_so() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(500,
                "{\"error\":{\"message\":\"model crashed, key " + KEY + "\"}}"));

        AssistantReply reply = assistant.reply(orderQuestion("15").build());

        assertThat(llm.requests()).hasSize(1);
        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("4827", "shipped", "JJD000390007");
        assertThat(reply.model()).isEqualTo(GroundedAssistant.TEMPLATES);
        assertThat(reply.reason()).contains("HTTP 500", "template answer used");
        assertThat(reply.reason()).doesNotContain(KEY);
    }

    @Test
    void a_server_slower_than_the_timeout_falls_back_to_the_template_in_time() throws Exception {
        llm.always("POST", "/v1/chat/completions", request -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, completion("too late: order #4827, JJD000390007"));
        });

        long started = System.nanoTime();
        AssistantReply reply = assistant.reply(orderQuestion("1").build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(3500));
        assertThat(reply.text()).doesNotContain("too late");
        assertThat(reply.text()).contains("4827", "JJD000390007");
        assertThat(reply.reason()).contains("did not answer within 1 s", "template answer used");
        assertThat(reply.model()).isEqualTo(GroundedAssistant.TEMPLATES);
    }

    @Test
    void an_llm_reply_that_drops_a_key_fact_is_not_used() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(200,
                completion("Your parcel is on its way and should arrive tomorrow!")));

        AssistantReply reply = assistant.reply(orderQuestion("15").build());

        assertThat(reply.text()).doesNotContain("tomorrow").contains("4827", "JJD000390007");
        assertThat(reply.reason()).contains("left out a fact");
    }

    @Test
    void an_answer_without_choices_falls_back() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(200, "{\"object\":\"chat.completion\"}"));

        AssistantReply reply = assistant.reply(orderQuestion("15").build());

        assertThat(reply.reason()).contains("no choices", "template answer used");
        assertThat(reply.model()).isEqualTo(GroundedAssistant.TEMPLATES);
    }

    @Test
    void escalations_never_call_the_llm() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(200, completion("I can help! #4827 JJD000390007")));

        AssistantReply reply = assistant.reply(orderQuestion("15").customer("whatsapp", "I want a human").build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void a_passage_answer_sends_the_passage_as_the_grounding_and_keeps_its_source() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(200,
                completion("You have 30 days from delivery to return unused items.")));

        AssistantReply reply = assistant.reply(Requests.conversation()
                .customer("webchat", "how long do I have to return an item?")
                .intent("return", 0.9)
                .passage("kb:12", "Returns and exchanges", GroundedAssistantTest.RETURNS_TEXT, 6.0, null)
                .config("llmUrl", llm.baseUrl().toString() + "/v1").config("llmModel", "qwen2.5")
                .build());

        String system = Json.parse(llm.takeRequest(5).bodyAsString()).asObject().get("messages").asArray().get(0)
                .asObject().get("content").asString();
        assertThat(system).contains("kb:12", "within 30 days of delivery");
        assertThat(reply.text()).isEqualTo("You have 30 days from delivery to return unused items.");
        assertThat(reply.sources()).containsExactly("kb:12");
        assertThat(reply.model().id()).isEqualTo("assistant-llm:qwen2.5");
    }

    @Test
    void the_key_never_appears_in_reasons_summaries_or_settings_text() throws Exception {
        llm.always("POST", "/v1/chat/completions", Answer.json(401, "{\"error\":\"bad key " + KEY + "\"}"));

        AssistantReply answered = assistant.reply(orderQuestion("15").build());
        AssistantReply escalated = assistant.reply(orderQuestion("15").customer("whatsapp", "agent please")
                .build());
        StringBuilder problem = new StringBuilder();
        LlmSettings settings = LlmSettings.from(orderQuestion("15").build().config(), problem).orElseThrow();

        for (String text : new String[] {answered.reason(), answered.summary(), answered.toString(),
                escalated.reason(), escalated.summary(), escalated.toString(), settings.toString(),
                orderQuestion("15").build().config().toString()}) {
            assertThat(text).doesNotContain(KEY);
        }
        assertThat(settings.toString()).contains("***");
        assertThat(answered.reason()).contains("HTTP 401");
    }

    @Test
    void a_url_without_a_model_is_reported_and_the_templates_answer() throws Exception {
        AssistantReply reply = assistant.reply(Requests.conversation()
                .order("4827", "shipped", null, null, null, Map.of())
                .customer("sms", "status of order 4827?").intent("order_status", 0.9)
                .config("llmUrl", llm.baseUrl().toString()).build());

        assertThat(llm.requests()).isEmpty();
        assertThat(reply.reason()).contains("llmModel is not set");
        assertThat(reply.text()).contains("4827", "shipped");
    }
}
