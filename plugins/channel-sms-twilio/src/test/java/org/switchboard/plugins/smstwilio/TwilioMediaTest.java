package org.switchboard.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.smstwilio.TwilioFixture.accepted;
import static org.switchboard.plugins.smstwilio.TwilioFixture.rejected;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.ACCOUNT_SID;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.AUTH_TOKEN;
import static org.switchboard.plugins.smstwilio.TwilioSmsScenario.CUSTOMER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;

/** Inbound MMS: media behind Twilio's authenticated URLs that redirect to short-lived storage elsewhere. */
class TwilioMediaTest {

    private static final String MMS_SID = "MM8f7e6d5c4b3a29180716253443526170";
    private static final String MEDIA_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + MMS_SID + "/Media/";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private final TwilioFixture fixture = new TwilioFixture();
    private final ProviderStub storage = ProviderStub.start();

    @AfterEach
    void close() {
        storage.close();
        fixture.close();
    }

    /** Twilio's incoming-message parameters for an MMS with the given media URLs and types. */
    private List<Map.Entry<String, String>> mms(String body, List<String> urls, List<String> types) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (Map.Entry<String, String> param : TwilioSmsScenario.incomingSms(MMS_SID, CUSTOMER, body)) {
            params.add(param.getKey().equals("NumMedia") ? Map.entry("NumMedia", Integer.toString(urls.size()))
                    : param);
        }
        for (int i = 0; i < urls.size(); i++) {
            params.add(Map.entry("MediaContentType" + i, types.get(i)));
            params.add(Map.entry("MediaUrl" + i, urls.get(i)));
        }
        return params;
    }

    @Test
    void media_are_fetched_with_the_account_credentials_through_the_redirect_without_leaking_them() {
        String mediaSid = "ME0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        fixture.twilio.once("GET", MEDIA_PATH + mediaSid, new ProviderStub.Answer(307, "text/plain", new byte[0],
                Map.of("Location", storage.baseUrl() + "/media-bucket/" + mediaSid + "?X-Amz-Signature=abc")));
        storage.once("GET", "/media-bucket/", new ProviderStub.Answer(200, "image/jpeg", JPEG, Map.of()));

        InboundMessage message = (InboundMessage) accepted(fixture.handle(fixture.signed("", mms("Look at this",
                List.of(fixture.twilio.baseUrl() + MEDIA_PATH + mediaSid), List.of("image/jpeg"))))).events()
                .getFirst();

        assertThat(message.text()).isEqualTo("Look at this");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo(mediaSid + ".jpg");
            assertThat(attachment.contentType()).isEqualTo("image/jpeg");
            assertThat(attachment.content()).isEqualTo(JPEG);
            assertThat(attachment.inline()).isFalse();
        });
        assertThat(message.metadata()).containsEntry("numMedia", "1");
        RecordedRequest atTwilio = fixture.twilio.takeRequest(1);
        assertThat(atTwilio.header("Authorization")).contains("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        RecordedRequest atStorage = storage.takeRequest(1);
        assertThat(atStorage.query()).isEqualTo("X-Amz-Signature=abc");
        assertThat(atStorage.header("Authorization")).as("credentials never leave Twilio").isEmpty();
    }

    @Test
    void a_medium_that_cannot_be_fetched_keeps_the_message_with_a_note() {
        fixture.twilio.once("GET", MEDIA_PATH + "ME1", new ProviderStub.Answer(200, "image/png", new byte[] {1, 2, 3},
                Map.of()));
        // ME2 has no scripted answer: the stub answers 404, as Twilio does for deleted media.

        InboundMessage message = (InboundMessage) accepted(fixture.handle(fixture.signed("", mms("Two pictures",
                List.of(fixture.twilio.baseUrl() + MEDIA_PATH + "ME1", fixture.twilio.baseUrl() + MEDIA_PATH + "ME2"),
                List.of("image/png", "image/gif"))))).events().getFirst();

        assertThat(message.externalId()).isEqualTo(MMS_SID);
        assertThat(message.attachments()).extracting(Attachment::fileName).containsExactly("ME1.png");
        assertThat(message.text()).startsWith("Two pictures\n\n")
                .contains("Attachment 2 of 2 (image/gif) could not be fetched from Twilio: Twilio answered HTTP 404");
    }

    @Test
    void an_unreachable_media_host_keeps_the_message_with_a_note() {
        String closed = storage.baseUrl() + "/gone";
        storage.close();
        InboundMessage message = (InboundMessage) accepted(fixture.handle(fixture.signed("",
                mms("", List.of(closed), List.of("image/jpeg"))))).events().getFirst();
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).isEqualTo(
                "[Attachment 1 of 1 (image/jpeg) could not be fetched from Twilio: Twilio could not be reached]");
    }

    @Test
    void a_file_over_the_size_limit_is_noted_not_kept() {
        fixture.twilio.once("GET", MEDIA_PATH + "ME3", new ProviderStub.Answer(200, "video/mp4",
                new byte[MediaDownloads.MAX_BYTES + 1], Map.of()));
        InboundMessage message = (InboundMessage) accepted(fixture.handle(fixture.signed("", mms("big",
                List.of(fixture.twilio.baseUrl() + MEDIA_PATH + "ME3"), List.of("video/mp4"))))).events().getFirst();
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).contains("(video/mp4) could not be fetched from Twilio: larger than 10 MB");
    }

    @Test
    void slow_media_share_one_time_budget_so_twilio_gets_its_answer_in_time() throws Exception {
        fixture.twilio.always("GET", MEDIA_PATH, request -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ProviderStub.Answer(200, "image/jpeg", JPEG, Map.of());
        });
        TwilioSettings settings = TwilioSettings.from(fixture.context.config());
        IncomingMessages incoming = new IncomingMessages(
                new MediaDownloads(fixture.plugin.httpClient(), settings, Duration.ofSeconds(10)),
                fixture.plugin.clock(), Duration.ofMillis(500));
        List<String> urls = List.of(fixture.twilio.baseUrl() + MEDIA_PATH + "ME4",
                fixture.twilio.baseUrl() + MEDIA_PATH + "ME5", fixture.twilio.baseUrl() + MEDIA_PATH + "ME6");
        String body = fixture.signed("", mms("three", urls, List.of("image/jpeg", "image/jpeg", "image/jpeg")))
                .bodyAsString();

        long started = System.nanoTime();
        InboundMessage message = incoming.read(FormBody.parse(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).startsWith("three\n\n")
                .contains("Attachment 1 of 3 (image/jpeg) could not be fetched from Twilio: Twilio did not answer in time")
                .contains("Attachment 3 of 3 (image/jpeg) could not be fetched from Twilio: no time was left");
    }

    @Test
    void a_missing_media_url_is_refused_with_400() {
        List<Map.Entry<String, String>> params = new ArrayList<>(mms("x", List.of(), List.of()));
        params.replaceAll(p -> p.getKey().equals("NumMedia") ? Map.entry("NumMedia", "1") : p);
        assertThat(rejected(fixture.handle(fixture.signed("", params))).reason()).contains("MediaUrl0");
    }
}
