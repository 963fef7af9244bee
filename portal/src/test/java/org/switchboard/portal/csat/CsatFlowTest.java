package org.switchboard.portal.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugins.smstwilio.TwilioSmsScenario;
import org.switchboard.plugins.whatsapp.WhatsappScenario;
import org.switchboard.portal.Await;
import org.switchboard.portal.MovableClock;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channels.ScenarioDelivery;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.outbound.OutboundDispatcher;

/**
 * Satisfaction surveys end to end in the running portal, on real channel plugins whose providers are played by
 * their own scenarios over real HTTP (Twilio SMS, WhatsApp, web chat): resolve, survey after the delay, the
 * customer's answer, and the signed rating page. Time stands still unless a test moves it.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class CsatFlowTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        // The tests run the sweep themselves, when they have moved time.
        registry.add("switchboard.csat.sweep-interval", () -> "1h");
        // The AI's classification of a customer's message is a status change that asks CSAT again, at a moment
        // of its own: the catch-up test would race with it. Surveys do not depend on the AI.
        registry.add("switchboard.ai.enabled", () -> "false");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StandingTime {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    private static final TwilioSmsScenario SMS = new TwilioSmsScenario();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/csat/[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]{22})");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CsatSettings settings;

    @Autowired
    CsatTriggers triggers;

    @Autowired
    SurveySender sender;

    @Autowired
    CsatRatings ratings;

    @Autowired
    ConversationStore store;

    @Autowired
    ConversationQueries queries;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    AgentDirectory agents;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    ScenarioDelivery delivery;
    long agentId;
    final List<ProviderStub> providers = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource);
        delivery = new ScenarioDelivery(port);
        agentId = agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
    }

    @AfterEach
    void closeProviders() {
        providers.forEach(ProviderStub::close);
    }

    @Test
    void a_survey_goes_out_after_the_delay_and_a_rating_reply_keeps_the_conversation_resolved() throws Exception {
        Sms sms = smsAccount(true, 30, 30, null);
        String phone = newPhone();
        long conversation = sms.customerWrites(phone, "My parcel is late");
        store.assign(conversation, agentId, agentId);

        resolve(conversation);
        Map<String, Object> survey = surveyOf(conversation);
        assertThat(survey).containsEntry("status", "SCHEDULED").containsEntry("agent_id", agentId)
                .containsEntry("channel_account_id", sms.accountId);
        sender.sendDue();
        assertThat(surveyOf(conversation)).as("not due before the delay").containsEntry("status", "SCHEDULED");
        assertThat(sms.provider.requests()).isEmpty();

        clock.advance(Duration.ofMinutes(31));
        sender.sendDue();
        assertThat(surveyOf(conversation)).containsEntry("status", "SENT");
        dispatcher.deliverDue();
        Await.until("the survey reaches the provider", () -> !sms.provider.requests().isEmpty());
        String sent = URLDecoder.decode(sms.provider.requests().getFirst().bodyAsString(), StandardCharsets.UTF_8);
        assertThat(sent).contains(DefaultQuestions.REPLY).contains("To=" + phone);
        assertThat(events(conversation)).contains("CSAT_SENT").doesNotContain("BOT_REPLY", "AGENT_REPLY");

        sms.customerWrites(phone, "4 👍 thanks");

        assertThat(surveyOf(conversation)).containsEntry("status", "RATED").containsEntry("rating", 4)
                .containsEntry("rating_comment", "thanks").containsEntry("answered_via", "REPLY");
        assertThat(queries.summaries(List.of(conversation)).getFirst().status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(events(conversation)).contains("CSAT_RATED").doesNotContain("REOPENED");
        assertThat(queries.detail(conversation).orElseThrow().messages()).extracting(MessageView::text)
                .contains("4 👍 thanks");
        long customer = queries.summaries(List.of(conversation)).getFirst().customerId();
        assertThat(queries.conversationsOf(customer)).as("no new conversation for the rating").hasSize(1);
        assertThat(ratings.latestRatingsOfCustomer(customer, 5)).singleElement()
                .satisfies(r -> assertThat(r.rating()).isEqualTo(4));
        assertThat(ratings.sentBetween(clock.instant().minus(Duration.ofHours(1)), clock.instant().plusSeconds(1)))
                .anySatisfy(r -> {
                    assertThat(r.conversationId()).isEqualTo(conversation);
                    assertThat(r.agentId()).isEqualTo(agentId);
                    assertThat(r.channelAccountId()).isEqualTo(sms.accountId);
                    assertThat(r.ratedVia()).isEqualTo(RatedVia.REPLY);
                    assertThat(r.satisfied()).isTrue();
                });
    }

    @Test
    void a_resolution_whose_trigger_was_lost_gets_its_survey_from_the_catch_up_once() throws Exception {
        Sms sms = smsAccount(true, 30, 0, null);
        long conversation = sms.customerWrites(newPhone(), "Thanks, all sorted");
        clock.advance(Duration.ofMinutes(10));
        // Committed, but the portal stopped before the CSAT thread heard of it.
        resolveWithoutTrigger(conversation, clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(jdbc.queryForObject("select count(*) from csat_survey where conversation_id = ?", Integer.class,
                conversation)).isZero();

        assertThat(sender.catchUp(Duration.ofHours(24))).isEqualTo(1);

        assertThat(surveyOf(conversation)).containsEntry("status", "SCHEDULED")
                .containsEntry("channel_account_id", sms.accountId);
        assertThat(sender.catchUp(Duration.ofHours(24))).as("once per resolution").isZero();
    }

    @Test
    void switching_surveys_on_does_not_survey_earlier_resolutions() throws Exception {
        Sms sms = smsAccount(false, 0, 0, null);
        long conversation = sms.customerWrites(newPhone(), "Never mind");
        resolveWithoutTrigger(conversation, clock.instant());
        clock.advance(Duration.ofMinutes(10));
        settings.save(settings.forAccount(sms.accountId).with(true, Duration.ZERO, 0, null));

        sender.catchUp(Duration.ofHours(24));

        assertThat(jdbc.queryForObject("select count(*) from csat_survey where conversation_id = ?", Integer.class,
                conversation)).isZero();
        assertThat(sms.provider.requests()).isEmpty();
    }

    @Test
    void a_reply_that_is_not_a_rating_reopens_the_conversation() throws Exception {
        Sms sms = smsAccount(true, 0, 0, null);
        String phone = newPhone();
        long conversation = sms.customerWrites(phone, "Where is my refund");
        resolve(conversation);
        assertThat(surveyOf(conversation)).containsEntry("status", "SENT");

        sms.customerWrites(phone, "The refund still has not arrived");

        assertThat(queries.summaries(List.of(conversation)).getFirst().status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(events(conversation)).contains("REOPENED").doesNotContain("CSAT_RATED");
        assertThat(queries.detail(conversation).orElseThrow().messages()).extracting(MessageView::text)
                .contains("The refund still has not arrived");
        assertThat(surveyOf(conversation)).containsEntry("status", "SENT");
    }

    @Test
    void a_customer_asked_within_the_quiet_days_is_not_asked_again() throws Exception {
        Sms sms = smsAccount(true, 0, 30, null);
        String phone = newPhone();
        long first = sms.customerWrites(phone, "First question");
        resolve(first);
        assertThat(surveyOf(first)).containsEntry("status", "SENT");
        sms.customerWrites(phone, "5");
        assertThat(surveyOf(first)).containsEntry("status", "RATED");

        clock.advance(Duration.ofDays(3));
        long second = sms.customerWrites(phone, "Another question");
        assertThat(second).isNotEqualTo(first);
        resolve(second);
        assertThat(surveyOf(second)).containsEntry("status", "SKIPPED");
        assertThat((String) surveyOf(second).get("skip_reason")).contains("within 30 days");
        assertThat(events(second)).doesNotContain("CSAT_SENT");

        clock.advance(Duration.ofDays(28));
        long third = sms.customerWrites(phone, "A question a month later");
        resolve(third);
        assertThat(surveyOf(third)).containsEntry("status", "SENT");
    }

    @Test
    void an_account_without_surveys_sends_nothing() throws Exception {
        Sms never = smsAccount(false, 0, 0, null);
        long conversation = never.customerWrites(newPhone(), "Hello");
        resolve(conversation);

        Sms turnedOff = smsAccount(true, 0, 0, null);
        settings.save(settings.forAccount(turnedOff.accountId).with(false, Duration.ZERO, 0, null));
        long other = turnedOff.customerWrites(newPhone(), "Hello");
        resolve(other);

        assertThat(jdbc.queryForObject("select count(*) from csat_survey where conversation_id in (?, ?)",
                Integer.class, conversation, other)).isZero();
        dispatcher.deliverDue();
        assertThat(never.provider.requests()).isEmpty();
        assertThat(turnedOff.provider.requests()).isEmpty();
        assertThat(events(conversation)).doesNotContain("CSAT_SENT");
    }

    @Test
    void a_conversation_reopened_before_the_delay_gets_no_survey() throws Exception {
        Sms sms = smsAccount(true, 60, 0, null);
        long conversation = sms.customerWrites(newPhone(), "Can you help");
        resolve(conversation);
        clock.advance(Duration.ofMinutes(10));
        store.changeStatus(conversation, ConversationStatus.OPEN, agentId);
        triggers.awaitIdle();

        clock.advance(Duration.ofMinutes(55));
        sender.sendDue();

        Map<String, Object> survey = surveyOf(conversation);
        assertThat(survey).containsEntry("status", "SKIPPED");
        assertThat((String) survey.get("skip_reason")).contains("reopened");
        assertThat(events(conversation)).doesNotContain("CSAT_SENT");
        dispatcher.deliverDue();
        assertThat(sms.provider.requests()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        resolve(conversation);
        assertThat(jdbc.queryForList("select status from csat_survey where conversation_id = ? order by id",
                String.class, conversation)).as("the new resolution gets its own survey")
                .containsExactly("SKIPPED", "SCHEDULED");
    }

    @Test
    void a_whatsapp_survey_outside_the_24_hour_window_is_skipped_with_the_reason() throws Exception {
        WhatsappScenario whatsapp = new WhatsappScenario();
        ProviderStub provider = provider();
        String accountId = accounts.create("WhatsApp " + UUID.randomUUID(), whatsapp.connectorId(),
                whatsapp.config(provider.baseUrl())).id();
        settings.save(settings.forAccount(accountId).with(true, Duration.ZERO, 0, null));
        String number = newPhone().substring(1);
        String providerId = "wamid.csat" + UUID.randomUUID().toString().replace("-", "");
        assertThat(delivery.deliver(accountId, whatsapp.inboundText(urls.webhookUrl(accountId), providerId, number,
                "Is my order on its way")).statusCode()).isEqualTo(200);
        long conversation = conversationOf(accountId, whatsapp.expectedExternalId(providerId));

        clock.advance(Duration.ofHours(25));
        resolve(conversation);

        Map<String, Object> survey = surveyOf(conversation);
        assertThat(survey).containsEntry("status", "SKIPPED");
        assertThat((String) survey.get("skip_reason")).contains("24 hours");
        dispatcher.deliverDue();
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void the_signed_link_page_records_a_rating_and_refuses_forged_and_expired_links() throws Exception {
        Sms sms = smsAccount(true, 0, 0, "Rate us: {link}");
        long conversation = sms.customerWrites(newPhone(), "Thanks for the help so far");
        resolve(conversation);
        String path = linkPath(conversation);

        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("How would you rate the help you got?").contains("name=\"rating\"");
        String csrf = hiddenField(page.body(), "_csrf");

        HttpResponse<String> forged = HttpClient.newHttpClient().send(form(path, Map.of("rating", "1")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a post without the form's CSRF token").isEqualTo(403);
        assertThat(surveyOf(conversation)).containsEntry("status", "SENT");

        HttpResponse<String> rated = http.send(form(path, Map.of("rating", "2", "comment", "Too slow <b>",
                "_csrf", csrf)), HttpResponse.BodyHandlers.ofString());
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("Thank you for your rating").contains("Too slow &lt;b&gt;")
                .doesNotContain("<b>");
        assertThat(surveyOf(conversation)).containsEntry("status", "RATED").containsEntry("rating", 2)
                .containsEntry("rating_comment", "Too slow <b>").containsEntry("answered_via", "LINK");
        assertThat(events(conversation)).contains("CSAT_RATED");
        assertThat(get(path).body()).as("the link shows the rating once given").contains("Thank you for your rating");

        String token = path.substring("/csat/".length());
        String[] parts = token.split("\\.");
        String otherSurvey = "/csat/" + (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        String laterExpiry = "/csat/" + parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
        char fifth = parts[2].charAt(5);
        String badSignature = "/csat/" + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5)
                + (fifth == 'A' ? 'B' : 'A') + parts[2].substring(6);
        char last = parts[2].charAt(21);
        String otherSpelling = "/csat/" + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 21)
                + (char) (last ^ 1);
        for (String tampered : List.of(otherSurvey, laterExpiry, badSignature, otherSpelling, "/csat/nonsense")) {
            assertThat(get(tampered).statusCode()).as(tampered).isEqualTo(404);
        }

        long later = sms.customerWrites(newPhone(), "Another customer");
        resolve(later);
        String expiring = linkPath(later);
        clock.advance(Duration.ofDays(31));
        HttpResponse<String> expiredPage = get(expiring);
        assertThat(expiredPage.statusCode()).isEqualTo(410);
        assertThat(expiredPage.body()).contains("expired");
        HttpResponse<String> expiredStars = http.send(starsRequest(expiring, "5"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expiredStars.statusCode()).isEqualTo(410);
        assertThat(surveyOf(later)).containsEntry("status", "SENT");
    }

    @Test
    void web_chat_gets_the_survey_as_a_rating_link_and_its_stars_rate_it() throws Exception {
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        settings.save(settings.forAccount(accountId).with(true, Duration.ZERO, 0, null));
        Visitor visitor = new Visitor(accountId);
        assertThat(visitor.send("Do you ship to Norway").statusCode()).isEqualTo(200);
        long conversation = jdbc.queryForObject("select conversation_id from message where channel_account_id = ?",
                Long.class, accountId);

        resolve(conversation);
        dispatcher.deliverDue();
        String feed = visitor.messages();
        Matcher link = LINK.matcher(feed);
        assertThat(link.find()).as("the widget's feed carries the rating link: " + feed).isTrue();
        assertThat(feed).contains("Choose 1 to 5 stars");

        HttpResponse<String> stars = HttpClient.newHttpClient().send(starsRequest(link.group(1), "5"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stars.statusCode()).isEqualTo(200);
        assertThat(stars.body()).isEqualTo("{\"rating\":5}");
        assertThat(stars.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(surveyOf(conversation)).containsEntry("status", "RATED").containsEntry("rating", 5)
                .containsEntry("answered_via", "WIDGET");

        HttpResponse<String> again = HttpClient.newHttpClient().send(starsRequest(link.group(1), "1"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).as("the first rating stands").isEqualTo("{\"rating\":5}");
        assertThat(surveyOf(conversation)).containsEntry("rating", 5);
    }

    @Test
    void settings_are_validated_and_audited() {
        Sms sms = smsAccount(false, 0, 0, null);
        CsatAccountSettings current = settings.forAccount(sms.accountId);
        assertThat(current.defaultQuestion()).isEqualTo(DefaultQuestions.REPLY);

        assertThatRefused(() -> settings.save(current.with(true, Duration.ofHours(25), 0, null)), "24 hours");
        assertThatRefused(() -> settings.save(current.with(true, Duration.ofSeconds(90), 0, null)), "whole minutes");
        assertThatRefused(() -> settings.save(current.with(true, Duration.ZERO, 400, null)), "365");
        assertThatRefused(() -> settings.save(current.with(true, Duration.ZERO, 0, "Hi {name}, rate us")),
                "{name}");
        assertThatRefused(() -> settings.save(current.with(true, Duration.ZERO, 0, "x".repeat(1001))), "1000");
        assertThat(settings.forAccount(sms.accountId).enabled()).as("nothing changed").isFalse();

        settings.save(current.with(true, Duration.ofMinutes(15), 7, "  Rate us 1-5: {link}  "));
        CsatAccountSettings saved = settings.forAccount(sms.accountId);
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.delay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(saved.quietDays()).isEqualTo(7);
        assertThat(saved.effectiveQuestion()).isEqualTo("Rate us 1-5: {link}");
        Await.until("the change is audited", () -> jdbc.queryForObject("select count(*) from audit_entry where"
                + " action = ? and target = ?", Integer.class, CsatSettings.AUDIT_SAVED,
                "channel-account:" + sms.accountId) == 1);
    }

    @Test
    @WithMockUser(username = "agent@example.org", roles = "AGENT")
    void only_admins_change_survey_settings() {
        // The account is set up by the system (nobody signed in): agents may not create channel accounts either.
        var agent = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        String accountId = accounts.create("Chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        org.springframework.security.core.context.SecurityContextHolder.setContext(agent);
        CsatAccountSettings current = settings.forAccount(accountId);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.save(current.with(true, Duration.ZERO, 0,
                null))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(settings.forAccount(accountId).enabled()).isFalse();
    }

    // ---- helpers

    private static void assertThatRefused(Runnable save, String reason) {
        org.assertj.core.api.Assertions.assertThatThrownBy(save::run).isInstanceOf(CsatException.class)
                .hasMessageContaining(reason);
    }

    /** A Twilio SMS account whose provider is a local stub accepting every message. */
    private Sms smsAccount(boolean enabled, int delayMinutes, int quietDays, String question) {
        ProviderStub provider = provider();
        provider.always("POST", TwilioSmsScenario.MESSAGES_PATH, request -> ProviderStub.Answer.json(201,
                TwilioSmsScenario.createdMessage("SM" + UUID.randomUUID().toString().replace("-", ""))));
        String accountId = accounts.create("SMS " + UUID.randomUUID(), SMS.connectorId(),
                SMS.config(provider.baseUrl())).id();
        if (enabled) {
            settings.save(settings.forAccount(accountId).with(true, Duration.ofMinutes(delayMinutes), quietDays,
                    question));
        }
        return new Sms(accountId, provider);
    }

    private ProviderStub provider() {
        ProviderStub provider = ProviderStub.start();
        providers.add(provider);
        return provider;
    }

    private final class Sms {

        final String accountId;
        final ProviderStub provider;

        Sms(String accountId, ProviderStub provider) {
            this.accountId = accountId;
            this.provider = provider;
        }

        /** Twilio posts the customer's SMS to the webhook; returns the conversation it landed in. */
        long customerWrites(String phone, String text) throws Exception {
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            HttpResponse<String> response = delivery.deliver(accountId,
                    SMS.inboundText(urls.webhookUrl(accountId), sid, phone, text));
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return conversationOf(accountId, SMS.expectedExternalId(sid));
        }
    }

    /** Speaks the web-chat widget's protocol, as its script does. */
    private final class Visitor {

        final String hookUrl;
        final String visitorId;
        final String token;

        Visitor(String accountId) throws Exception {
            hookUrl = "http://127.0.0.1:" + port + "/hooks/" + accountId;
            String session = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hookUrl + "/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            visitorId = jsonField(session, "visitorId");
            token = jsonField(session, "token");
        }

        HttpResponse<String> send(String text) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hookUrl + "/messages"))
                    .header("Content-Type", "application/json").header("X-Visitor-Id", visitorId)
                    .header("X-Visitor-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\""
                            + text + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        }

        String messages() throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hookUrl + "/messages?wait=0"))
                    .header("X-Visitor-Id", visitorId).header("X-Visitor-Token", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        private static String jsonField(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            assertThat(m.find()).as(json).isTrue();
            return m.group(1);
        }
    }

    private static String newPhone() {
        return "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private void resolve(long conversation) {
        store.changeStatus(conversation, ConversationStatus.RESOLVED, agentId);
        triggers.awaitIdle();
    }

    private void resolveWithoutTrigger(long conversation, java.time.Instant at) {
        jdbc.update("update conversation set status = 'RESOLVED', resolved_at = ?, version = version + 1 where id = ?",
                java.sql.Timestamp.from(at), conversation);
    }

    private long conversationOf(String accountId, String externalId) {
        return jdbc.queryForObject("select conversation_id from message where channel_account_id = ? and "
                + "external_id = ?", Long.class, accountId, externalId);
    }

    /** The latest survey of the conversation, as stored. */
    private Map<String, Object> surveyOf(long conversation) {
        return jdbc.queryForList("select * from csat_survey where conversation_id = ? order by id desc",
                conversation).getFirst();
    }

    private List<String> events(long conversation) {
        return jdbc.queryForList("select event_type from conversation_event where conversation_id = ? order by id",
                String.class, conversation);
    }

    /** The path of the rating link in the conversation's survey message. */
    private String linkPath(long conversation) {
        String text = queries.detail(conversation).orElseThrow().messages().getLast().text();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElse("");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** What the widget's script posts when the visitor clicks a star: a simple cross-origin form post. */
    private HttpRequest starsRequest(String path, String rating) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "/stars"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofString("rating=" + rating)).build();
    }

    private static String hiddenField(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }
}
