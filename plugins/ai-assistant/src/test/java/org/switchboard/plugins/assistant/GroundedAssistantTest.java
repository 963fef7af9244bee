package org.switchboard.plugins.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.AssistantReply.Decision;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.FieldType;
import org.switchboard.plugin.api.customer.CustomerRecord;

class GroundedAssistantTest {

    static final String RETURNS_TEXT = "You can return any item within 30 days of delivery for a full refund. "
            + "Items must be unused and in their original packaging. Start a return in your account under "
            + "Orders, print the prepaid label and drop the parcel at any DHL point. Sale items can be returned "
            + "too. Refunds are issued to the original payment method within 5 business days of arrival.";

    private final GroundedAssistant assistant = new GroundedAssistant();

    private static Requests withOrders() {
        return Requests.conversation()
                .order("4901", "processing", "19.00", "EUR", "2026-11-19T10:00:00Z", Map.of())
                .order("4827", "shipped", "49.90", "EUR", "2026-11-12T10:00:00Z",
                        Map.of("carrier", "DHL", "tracking number", "JJD000390007", "tracking URL",
                                "https://track.example/JJD000390007"))
                .order("4650", "delivered", "120.00", "EUR", "2026-10-01T10:00:00Z",
                        Map.of("carrier", "UPS", "tracking number", "1Z999AA10123456784"));
    }

    @Test
    void the_assistant_has_its_stable_id_and_the_template_model() {
        assertThat(assistant.id()).isEqualTo("assistant");
        assertThat(assistant.model().id()).isEqualTo("assistant-templates");
        assertThat(assistant.model().version()).isEqualTo(GroundedAssistant.VERSION);
    }

    @Test
    void the_schema_declares_the_llm_fields_and_marks_the_key_secret() {
        Map<String, ConfigField> fields = new HashMap<>();
        assistant.configSchema().forEach(field -> fields.put(field.key(), field));

        assertThat(fields).containsOnlyKeys("llmUrl", "llmModel", "llmApiKey", "llmTimeoutSeconds");
        assertThat(fields.get("llmUrl").type()).isEqualTo(FieldType.URL);
        assertThat(fields.get("llmUrl").required()).isFalse();
        assertThat(fields.get("llmApiKey").secret()).isTrue();
        assertThat(fields.get("llmTimeoutSeconds").type()).isEqualTo(FieldType.INTEGER);
        assertThat(fields.get("llmTimeoutSeconds").defaultValue()).isEqualTo("15");
        assertThat(fields.values()).filteredOn(ConfigField::secret).extracting(ConfigField::key)
                .containsExactly("llmApiKey");
    }

    @Test
    void order_status_names_the_quoted_order_its_status_and_tracking_not_the_newest_order() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("whatsapp", "Hi, where is my order #4827? It's been a week")
                .intent("order_status", 0.93).sentiment("neutral", 0.8).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("4827", "shipped", "DHL", "JJD000390007",
                "https://track.example/JJD000390007", "49.90 EUR");
        assertThat(reply.text()).doesNotContain("4901", "4650");
        assertThat(reply.sources()).containsExactly("order:4827");
        assertThat(reply.confidence()).isBetween(0.85, 0.95);
        assertThat(reply.model()).isEqualTo(GroundedAssistant.TEMPLATES);
        assertThat(reply.summary()).contains("order status", "whatsapp", "#4827");
    }

    @Test
    void order_written_as_words_and_in_german_is_found_and_answered_in_german() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("email", "Hallo, wo ist meine Bestellung Nr. 4650? Danke")
                .intent("order_status", 0.9).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("4650", "delivered", "UPS", "1Z999AA10123456784", "Bestellung");
        assertThat(reply.sources()).containsExactly("order:4650");
    }

    @Test
    void without_a_number_the_most_recent_order_is_a_guess_said_so_and_never_fully_confident() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("sms", "where is my package??")
                .intent("order_status", 0.99).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("4901", "processing", "most recent");
        assertThat(reply.confidence()).isLessThan(0.7);
        assertThat(reply.reason()).contains("guess");
    }

    @Test
    void an_order_quoted_earlier_is_the_one_a_follow_up_is_about() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("email", "I have a question about order 4650.")
                .agent("email", "Sure, what would you like to know?")
                .customer("whatsapp", "Has it been delivered already?")
                .intent("order_status", 0.8).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("4650", "delivered");
        assertThat(reply.reason()).contains("quoted earlier");
    }

    @Test
    void an_order_the_customer_does_not_have_escalates_naming_it() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("whatsapp", "Where is order #7777?")
                .intent("order_status", 0.95).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.text()).isNull();
        assertThat(reply.reason()).contains("#7777", "not among");
        assertThat(reply.summary()).contains("#7777", "whatsapp");
    }

    @Test
    void delivered_but_not_received_is_a_case_for_a_person() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("email", "Order 4650 never arrived but tracking says delivered")
                .intent("order_status", 0.8).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).contains("4650", "did not arrive");
    }

    @Test
    void refund_status_comes_from_a_refund_record_of_the_quoted_order() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .record(new CustomerRecord("refund", "R-2201", "Refund for order #4650", "processed", null,
                        new java.math.BigDecimal("120.00"), "EUR", null, Map.of("order", "4650")))
                .customer("email", "Did you refund order 4650 yet?")
                .intent("refund", 0.88).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("R-2201", "4650", "120.00 EUR", "processed");
        assertThat(reply.sources()).containsExactly("refund:R-2201");
    }

    @Test
    void refund_status_comes_from_an_orders_refund_details() throws Exception {
        AssistantReply reply = assistant.reply(Requests.conversation()
                .order("5120", "cancelled, refunded", "35.00", "EUR", null,
                        Map.of("refund", "refunded: 35.00 EUR (customer changed mind)"))
                .customer("whatsapp", "Where is my money back for 5120?")
                .intent("refund", 0.9).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("5120", "refunded: 35.00 EUR");
        assertThat(reply.sources()).containsExactly("order:5120");
    }

    @Test
    void a_refund_asked_for_an_order_without_one_escalates() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("email", "When do I get the refund for order 4827?")
                .intent("refund", 0.9).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).contains("#4827 has no refund on record");
    }

    @Test
    void return_policy_is_condensed_from_the_best_passage_and_cites_it() throws Exception {
        AssistantReply reply = assistant.reply(Requests.conversation()
                .customer("webchat", "What is your return policy? How many days do I have to return something?")
                .intent("return", 0.91)
                .passage("kb:12", "Returns and exchanges", RETURNS_TEXT, 7.2, "https://help.example/returns")
                .passage("kb:3", "Shipping times", "We ship within 2 business days.", 2.1, null)
                .build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("30 days", "Returns and exchanges", "https://help.example/returns");
        assertThat(reply.text()).doesNotContain("ship within 2 business days");
        assertThat(reply.sources()).containsExactly("kb:12");
        assertThat(reply.reason()).contains("kb:12");
    }

    @Test
    void a_passage_that_does_not_share_the_questions_words_is_not_an_answer() throws Exception {
        AssistantReply reply = assistant.reply(Requests.conversation()
                .customer("webchat", "Do you offer gift wrapping for birthday presents?")
                .intent("product_question", 0.7)
                .passage("kb:12", "Returns and exchanges", RETURNS_TEXT, 1.3, null)
                .build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).contains("no knowledge passage supports");
    }

    @Test
    void a_complaint_escalates_with_a_summary_of_wants_attempts_and_channels() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("email", "Where is order 4827?")
                .bot("email", "Your order #4827 is shipped. It was sent with DHL, tracking number JJD000390007.")
                .customer("whatsapp", "The shoes in it are the wrong colour and the box was crushed. I want this fixed.")
                .intent("complaint", 0.86).sentiment("negative", 0.6).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).contains("complaint");
        assertThat(reply.summary())
                .contains("Wants: complaint", "wrong colour")
                .contains("Tried: 1 bot answer", "JJD000390007")
                .contains("Channels: email, whatsapp (last: whatsapp)")
                .contains("#4827")
                .contains("Sentiment: negative");
    }

    @Test
    void strongly_negative_sentiment_escalates_even_a_routine_question() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("sms", "where is 4827 i needed it yesterday")
                .intent("order_status", 0.9).sentiment("negative", 0.91).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).contains("negative sentiment");
        assertThat(reply.summary()).contains("sms", "#4827");
    }

    @Test
    void mildly_negative_sentiment_lowers_the_confidence_of_an_answer() throws Exception {
        AssistantReply calm = assistant.reply(withOrders().customer("sms", "where is order 4827")
                .intent("order_status", 0.9).sentiment("neutral", 0.9).build());
        AssistantReply annoyed = assistant.reply(withOrders().customer("sms", "where is order 4827")
                .intent("order_status", 0.9).sentiment("negative", 0.5).build());

        assertThat(annoyed.decision()).isEqualTo(Decision.ANSWER);
        assertThat(annoyed.confidence()).isLessThan(calm.confidence() - 0.2);
    }

    @Test
    void asking_for_a_human_escalates_in_several_languages() throws Exception {
        for (String text : List.of("Can I talk to a real person please", "Ich möchte mit einem Mitarbeiter sprechen",
                "Je veux parler à une personne", "I want an agent, not a bot")) {
            AssistantReply reply = assistant.reply(withOrders().customer("telegram", text)
                    .intent("order_status", 0.6).build());

            assertThat(reply.decision()).as(text).isEqualTo(Decision.ESCALATE);
            assertThat(reply.reason()).as(text).isEqualTo("the customer asked for a human");
            assertThat(reply.summary()).as(text).contains("telegram");
        }
    }

    @Test
    void the_same_question_after_a_bot_answer_escalates_with_what_was_tried() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("webchat", "Where is my package?")
                .bot("webchat", "You did not mention an order number, so I looked at your most recent order. "
                        + "Your order #4901 is processing.")
                .customer("email", "where is my package")
                .intent("order_status", 0.9).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).startsWith("repeated question");
        assertThat(reply.summary()).contains("Tried: 1 bot answer", "#4901 is processing", "webchat, email",
                "Asked before");
    }

    @Test
    void a_new_question_after_a_bot_answer_is_answered() throws Exception {
        AssistantReply reply = assistant.reply(withOrders()
                .customer("webchat", "Where is order #4827?")
                .bot("webchat", "Your order #4827 is shipped.")
                .customer("webchat", "And where is order #4650?")
                .intent("order_status", 0.9).build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("4650");
    }

    @Test
    void asking_to_cancel_is_an_action_for_staff_but_asking_how_is_a_question() throws Exception {
        Requests base = withOrders().passage("kb:20", "Cancelling an order",
                "You can cancel an order yourself in your account until it ships. Orders that have shipped cannot "
                        + "be cancelled; return them instead.", 5.0, null);
        AssistantReply act = assistant.reply(withOrders().customer("email", "Please cancel my order 4901")
                .intent("order_status", 0.7).build());
        AssistantReply ask = assistant.reply(base.customer("email", "How can I cancel an order?")
                .intent("account", 0.7).build());

        assertThat(act.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(act.reason()).contains("only staff");
        assertThat(ask.decision()).isEqualTo(Decision.ANSWER);
        assertThat(ask.sources()).containsExactly("kb:20");
    }

    @Test
    void without_a_classifier_keywords_decide_and_the_confidence_says_so() throws Exception {
        AssistantReply reply = assistant.reply(withOrders().customer("sms", "tracking for #4827 pls").build());

        assertThat(reply.decision()).isEqualTo(Decision.ANSWER);
        assertThat(reply.text()).contains("JJD000390007");
        // 0.95 evidence × (0.5 + 0.5 × 0.6) keywords-only intent factor
        assertThat(reply.confidence()).isEqualTo(0.76);
    }

    @Test
    void an_intent_the_assistant_does_not_answer_escalates() throws Exception {
        AssistantReply reply = assistant.reply(withOrders().customer("email", "Hello, lovely weather today")
                .intent("other", 0.8).build());

        assertThat(reply.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(reply.reason()).contains("not one the assistant answers");
        assertThat(reply.summary()).contains("Tried: nothing yet");
    }
}
