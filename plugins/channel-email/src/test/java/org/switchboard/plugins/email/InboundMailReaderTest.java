package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;

/** Reading raw mail into canonical messages, with samples written the way common clients write them. */
class InboundMailReaderTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-10T00:00:00Z");

    private final InboundMailReader reader = new InboundMailReader("support@example.com");

    private InboundMessage read(String sample) throws Exception {
        ReadMail result = reader.read(Samples.raw(sample), RECEIVED);
        assertThat(result).isInstanceOf(ReadMail.Message.class);
        return ((ReadMail.Message) result).message();
    }

    private String skipReason(String sample) throws Exception {
        ReadMail result = reader.read(Samples.raw(sample), RECEIVED);
        assertThat(result).isInstanceOf(ReadMail.Skipped.class);
        return ((ReadMail.Skipped) result).reason();
    }

    @Test
    void plain_mail_has_the_from_address_as_identity_and_the_message_id_as_external_id() throws Exception {
        InboundMessage message = read("plain.eml");
        assertThat(message.sender()).isEqualTo(Identity.email("ann@customer.example.org"));
        assertThat(message.senderName()).isEqualTo("Ann Customer");
        assertThat(message.externalId()).isEqualTo("CAF=plain-0001@mail.customer.example.org");
        assertThat(message.text()).isEqualTo("Hello,\n\nwhere is my order 1234? It was due last week.\n\nAnn");
        assertThat(message.html()).isNull();
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2024-06-03T07:30:00Z"));
        assertThat(message.otherIdentities()).isEmpty();
        assertThat(message.threading().subject()).isEqualTo("Where is my order?");
        assertThat(message.threading().messageId()).isEqualTo("CAF=plain-0001@mail.customer.example.org");
        assertThat(message.threading().inReplyTo()).isNull();
        assertThat(message.threading().conversationId()).isNull();
        assertThat(message.metadata()).containsEntry("to", "Example Support <support@example.com>");
    }

    @Test
    void the_full_original_travels_as_original_eml() throws Exception {
        byte[] raw = Samples.raw("gmail-reply.eml");
        InboundMessage message = read("gmail-reply.eml");
        Attachment original = message.attachments().getLast();
        assertThat(original.fileName()).isEqualTo("original.eml");
        assertThat(original.contentType()).isEqualTo("message/rfc822");
        assertThat(original.content()).isEqualTo(raw);
        assertThat(original.inline()).isFalse();
    }

    @Test
    void alternative_gives_plain_text_as_text_and_sanitised_html() throws Exception {
        InboundMessage message = read("alternative.eml");
        assertThat(message.text()).isEqualTo("Can you resend invoice 77?");
        assertThat(message.html()).contains("<b>resend</b>", "href=\"https://example.org/i/77\"")
                .doesNotContain("<script", "alert(", "onclick", "<style", "display:none");
        assertThat(message.senderName()).isEqualTo("Bob Buyer");
    }

    @Test
    void attachments_keep_names_types_and_bytes_with_rfc2231_file_names_decoded() throws Exception {
        InboundMessage message = read("attachments.eml");
        assertThat(message.text()).isEqualTo("The item arrived broken, see the attached photo and invoice.");
        assertThat(message.attachments()).extracting(Attachment::fileName)
                .containsExactly("photo.jpg", "Rechnung März.pdf", "original.eml");
        Attachment photo = message.attachments().getFirst();
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.content()).hasSize(57).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(photo.inline()).isFalse();
        Attachment pdf = message.attachments().get(1);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.content(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
    }

    @Test
    void inline_image_of_related_html_is_inline_with_its_content_id_and_the_html_keeps_the_cid() throws Exception {
        InboundMessage message = read("inline-image.eml");
        assertThat(message.text()).isEqualTo("The checkout shows this error: [image: error.png]");
        assertThat(message.html()).contains("src=\"cid:ii_error01\"");
        Attachment image = message.attachments().getFirst();
        assertThat(image.fileName()).isEqualTo("error.png");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).isEqualTo("ii_error01");
        assertThat(image.content()).hasSize(70);
    }

    @Test
    void iso_8859_1_quoted_printable_and_rfc2047_headers_are_decoded() throws Exception {
        InboundMessage message = read("latin1-qp.eml");
        // 0x80 is the euro sign in windows-1252, which mail labelled ISO-8859-1 usually is.
        assertThat(message.text()).isEqualTo("Grüße aus München! Der Preis war 50 €, nicht 60 €.\nSchöne Grüße");
        assertThat(message.senderName()).isEqualTo("Olle Järnefors");
        // RFC 2047, section 8: two encoded words in different charsets, the space between them not displayed.
        assertThat(message.threading().subject()).isEqualTo("If you can read this you understand the example.");
    }

    @Test
    void utf8_base64_body_and_encoded_names_are_decoded() throws Exception {
        InboundMessage message = read("utf8-base64.eml");
        assertThat(message.text()).isEqualTo("Danke schön! 😊 我的订单");
        assertThat(message.senderName()).isEqualTo("Zhang Wång");
        assertThat(message.threading().subject()).isEqualTo("Bestellung – Rückfrage");
    }

    @Test
    void gmail_reply_loses_the_attribution_and_quote_but_keeps_threading_and_the_subject_token()
            throws Exception {
        InboundMessage message = read("gmail-reply.eml");
        assertThat(message.text()).isEqualTo("Thanks, that helps!");
        assertThat(message.html()).as("the html stays complete").contains("Your order ships today.");
        assertThat(message.threading().inReplyTo()).isEqualTo("out-1@example.com");
        assertThat(message.threading().references())
                .containsExactly("CAF=plain-0001@mail.customer.example.org", "out-1@example.com");
        assertThat(message.threading().conversationId()).isEqualTo("42");
        assertThat(message.threading().subject()).isEqualTo("Re: Where is my order? [#42]");
    }

    @Test
    void outlook_reply_loses_the_mobile_footer_and_the_original_message_block() throws Exception {
        InboundMessage message = read("outlook-reply.eml");
        assertThat(message.text()).isEqualTo("Sounds good, thank you.");
        assertThat(message.threading().conversationId()).isEqualTo("42");
    }

    @Test
    void signature_and_quoted_lines_are_removed() throws Exception {
        InboundMessage message = read("signature.eml");
        assertThat(message.text()).isEqualTo("Please ship to my new address: 1 Main Street.\nThanks");
    }

    @Test
    void html_only_mail_gets_its_text_from_the_html_without_the_gmail_quote() throws Exception {
        InboundMessage message = read("html-only.eml");
        assertThat(message.text()).isEqualTo("I still have not received the refund.\nSecond paragraph\nwith a break.");
        assertThat(message.html()).contains("old text");
        assertThat(message.threading().conversationId()).isEqualTo("77");
    }

    @Test
    void auto_replies_bounces_and_our_own_mail_are_skipped() throws Exception {
        assertThat(skipReason("auto-reply.eml")).contains("Auto-Submitted");
        assertThat(skipReason("bounce.eml")).containsAnyOf("report", "mailer-daemon");
        byte[] own = new String(Samples.raw("plain.eml"), StandardCharsets.UTF_8)
                .replace("From: Ann Customer <ann@customer.example.org>", "From: Support <Support@Example.com>")
                .getBytes(StandardCharsets.UTF_8);
        ReadMail result = reader.read(own, RECEIVED);
        assertThat(result).isInstanceOfSatisfying(ReadMail.Skipped.class,
                skipped -> assertThat(skipped.reason()).contains("own address"));
    }

    @Test
    void precedence_bulk_is_skipped_but_auto_submitted_no_is_not() throws Exception {
        String plain = new String(Samples.raw("plain.eml"), StandardCharsets.UTF_8);
        ReadMail bulk = reader.read(("Precedence: bulk\n" + plain).getBytes(StandardCharsets.UTF_8), RECEIVED);
        assertThat(bulk).isInstanceOf(ReadMail.Skipped.class);
        ReadMail human = reader.read(("Auto-Submitted: no\n" + plain).getBytes(StandardCharsets.UTF_8), RECEIVED);
        assertThat(human).isInstanceOf(ReadMail.Message.class);
    }

    @Test
    void mail_without_message_id_gets_a_stable_generated_id() throws Exception {
        InboundMessage first = read("no-message-id.eml");
        InboundMessage again = read("no-message-id.eml");
        assertThat(first.externalId()).startsWith("generated:").isEqualTo(again.externalId());
        assertThat(first.threading().messageId()).isNull();
        byte[] other = new String(Samples.raw("no-message-id.eml"), StandardCharsets.UTF_8)
                .replace("A client", "Another client").getBytes(StandardCharsets.UTF_8);
        assertThat(((ReadMail.Message) reader.read(other, RECEIVED)).message().externalId())
                .isNotEqualTo(first.externalId());
    }

    @Test
    void missing_date_falls_back_to_the_servers_time() throws Exception {
        byte[] undated = new String(Samples.raw("plain.eml"), StandardCharsets.UTF_8)
                .replace("Date: Mon, 03 Jun 2024 09:30:00 +0200\n", "").getBytes(StandardCharsets.UTF_8);
        assertThat(((ReadMail.Message) reader.read(undated, RECEIVED)).message().sentAt()).isEqualTo(RECEIVED);
    }
}
