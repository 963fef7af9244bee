package org.switchboard.plugins.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.ACCESS_TOKEN;
import static org.switchboard.plugins.whatsapp.WhatsappScenario.BUSINESS_ACCOUNT_ID;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.MessageTemplate;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;

/** Template listing, with answers shaped like Meta's "Get templates" example. */
class WhatsappTemplatesTest {

    private static final String LIST_PATH = WhatsappAccount.graph(BUSINESS_ACCOUNT_ID + "/message_templates");

    private final WhatsappAccount account = new WhatsappAccount();

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void approved_positional_templates_are_listed_across_pages() throws ChannelException {
        String next = account.provider.baseUrl() + LIST_PATH + "?fields=name&limit=100&after=MjQZD";
        // once() puts the newest answer first, so page 2 is scripted before page 1
        account.provider.once("GET", LIST_PATH, Answer.json(200, "{\"data\":["
                + template("hello_world", "en_US", "APPROVED", "POSITIONAL", "{\"type\":\"HEADER\",\"format\":"
                        + "\"TEXT\",\"text\":\"Hello World\"}," + body("Welcome and congratulations!!"))
                + "," + template("seasonal_promo", "de", "APPROVED", null, "{\"type\":\"HEADER\",\"format\":"
                        + "\"IMAGE\"}," + body("Nur diese Woche: {{1}}"))
                + "],\"paging\":{\"cursors\":{\"before\":\"QVFI\",\"after\":\"QVFJ\"}}}"));
        account.provider.once("GET", LIST_PATH, Answer.json(200, "{\"data\":["
                + template("order_update", "en_US", "APPROVED", null,
                        body("Hi {{1}}, your order {{2}} ships on {{3}}. Reply STOP to opt out.")
                                + ",{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":"
                                + "\"Unsubscribe\"}]}")
                + "," + template("spring_sale", "en_US", "PENDING", null, body("Sale! {{1}} off"))
                + "," + template("reservation_confirmation", "en_US", "APPROVED", "NAMED",
                        body("Your reservation for {{number_of_guests}} is confirmed."))
                + "],\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MjQZD\"},\"next\":\"" + next
                + "\"}}"));

        List<MessageTemplate> templates = account.connection.templates();

        assertThat(templates).containsExactly(
                new MessageTemplate("order_update", "en_US",
                        "Hi {{1}}, your order {{2}} ships on {{3}}. Reply STOP to opt out.", 3),
                new MessageTemplate("hello_world", "en_US", "Welcome and congratulations!!", 0));
        List<RecordedRequest> requests = account.provider.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.getFirst().query()).contains("fields=name,language,status");
        assertThat(requests.get(1).query()).contains("after=MjQZD");
        assertThat(requests).allSatisfy(request ->
                assertThat(request.header("Authorization")).contains("Bearer " + ACCESS_TOKEN));
    }

    @Test
    void a_next_link_to_another_host_is_not_followed_with_the_token() throws ChannelException {
        account.provider.once("GET", LIST_PATH, Answer.json(200, "{\"data\":["
                + template("hello_world", "en_US", "APPROVED", null, body("Hello")) + "],\"paging\":{\"next\":"
                + "\"https://attacker.example/v21.0/x/message_templates?after=1\"}}"));

        assertThat(account.connection.templates()).extracting(MessageTemplate::name).containsExactly("hello_world");
        assertThat(account.provider.requests()).hasSize(1);
    }

    @Test
    void a_refusal_is_a_channel_exception_with_metas_message() {
        account.provider.once("GET", LIST_PATH, Answer.json(403, WhatsappScenario.graphError(
                "(#200) Requires whatsapp_business_management permission", 200, "Permission missing")));

        assertThatThrownBy(() -> account.connection.templates()).isInstanceOf(ChannelException.class)
                .hasMessageContaining("Requires whatsapp_business_management permission");
    }

    @Test
    void the_parameter_count_is_the_highest_placeholder_position() {
        assertThat(TemplateCatalog.parameterCount("{{1}} and {{2}}, again {{1}}")).isEqualTo(2);
        assertThat(TemplateCatalog.parameterCount("no placeholders")).isZero();
        assertThat(TemplateCatalog.parameterCount("{{ 3 }} only")).isEqualTo(3);
    }

    private static String template(String name, String language, String status, String format, String components) {
        return "{\"name\":\"" + name + "\",\"language\":\"" + language + "\",\"status\":\"" + status + "\","
                + (format == null ? "" : "\"parameter_format\":\"" + format + "\",")
                + "\"components\":[" + components + "],\"id\":\"" + Math.abs(name.hashCode()) + "\"}";
    }

    private static String body(String text) {
        return "{\"type\":\"BODY\",\"text\":" + WhatsappScenario.quote(text) + "}";
    }
}
