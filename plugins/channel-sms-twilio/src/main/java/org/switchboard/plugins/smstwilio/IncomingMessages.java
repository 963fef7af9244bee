package org.switchboard.plugins.smstwilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Turns Twilio's incoming-message request (form parameters {@code MessageSid}, {@code From}, {@code To},
 * {@code Body}, {@code NumMedia}, {@code MediaUrlN}, {@code MediaContentTypeN}, …) into a canonical message.
 *
 * <p>The external id is the {@code MessageSid}, so a delivery Twilio repeats is stored once. Media are downloaded
 * now, because their URLs need the account's credentials and the host stores attachments itself; a file that
 * cannot be fetched does not lose the message: the text says which file is missing and why.
 */
final class IncomingMessages {

    /** Twilio sends at most 10 media per MMS. */
    static final int MAX_MEDIA = 10;

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("image/heic", "heic"), Map.entry("image/bmp", "bmp"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/3gpp", "3gp"), Map.entry("video/quicktime", "mov"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/amr", "amr"),
            Map.entry("audio/ogg", "ogg"), Map.entry("text/vcard", "vcf"), Map.entry("text/x-vcard", "vcf"),
            Map.entry("text/plain", "txt"), Map.entry("application/pdf", "pdf"));

    /**
     * How long all media of one message may take together. Twilio waits 15 s for the answer to its webhook and the
     * host still has to store the message, so a hanging media host must not hold the request longer; media not
     * fetched by then are noted in the text like any other failed download.
     */
    static final Duration MEDIA_BUDGET = Duration.ofSeconds(12);

    private final MediaDownloads media;
    private final Clock clock;
    private final Duration mediaBudget;

    IncomingMessages(MediaDownloads media, Clock clock, Duration mediaBudget) {
        this.media = media;
        this.clock = clock;
        this.mediaBudget = mediaBudget;
    }

    /**
     * Reads one incoming message.
     *
     * @throws RequestRefused with 400 when a parameter Twilio always sends is missing or unusable
     */
    InboundMessage read(FormBody form) throws RequestRefused {
        String sid = form.get("MessageSid").or(() -> form.get("SmsMessageSid")).or(() -> form.get("SmsSid"))
                .orElseThrow(() -> new RequestRefused(400, "MessageSid is missing"));
        if (sid.length() > 255) {
            throw new RequestRefused(400, "MessageSid is too long");
        }
        String rawFrom = form.get("From").orElseThrow(() -> new RequestRefused(400, "From is missing"));
        String from = PhoneNumbers.e164(rawFrom).orElseThrow(() -> new RequestRefused(400,
                "From '" + abbreviate(rawFrom) + "' is not a phone number in E.164 format (+ and country code)"));
        String body = form.raw("Body").orElse("");
        int numMedia = numMedia(form);

        List<Attachment> attachments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long deadline = System.nanoTime() + mediaBudget.toNanos();
        for (int i = 0; i < numMedia; i++) {
            String name = "MediaUrl" + i;
            String url = form.get(name).orElseThrow(() -> new RequestRefused(400,
                    name + " is missing although NumMedia is " + numMedia));
            URI uri = mediaUri(name, url);
            Optional<String> declaredType = form.get("MediaContentType" + i).map(String::strip);
            try {
                MediaDownloads.Media file = media.download(uri, deadline);
                String type = declaredType.or(() -> Optional.ofNullable(file.contentType()))
                        .orElse("application/octet-stream");
                attachments.add(new Attachment(fileName(uri, i, type), type, file.content(), false, null));
            } catch (MediaDownloads.Unavailable e) {
                notes.add("[Attachment " + (i + 1) + " of " + numMedia
                        + declaredType.map(t -> " (" + t + ")").orElse("")
                        + " could not be fetched from Twilio: " + e.getMessage() + "]");
            }
        }

        SmsSegments segments = SmsSegments.of(body);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("segments", Integer.toString(segments.segments()));
        metadata.put("encoding", segments.encodingLabel());
        form.get("To").ifPresent(to -> metadata.put("to", to));
        form.get("FromCountry").ifPresent(country -> metadata.put("fromCountry", country));
        form.get("MessagingServiceSid").ifPresent(service -> metadata.put("messagingServiceSid", service));
        if (numMedia > 0) {
            metadata.put("numMedia", Integer.toString(numMedia));
        }

        String text = notes.isEmpty() ? body
                : (body.isEmpty() ? "" : body + "\n\n") + String.join("\n", notes);
        return new InboundMessage(sid, Identity.phone(from), null, List.of(), text, null, attachments,
                clock.instant(), ThreadingHints.NONE, metadata);
    }

    private static int numMedia(FormBody form) throws RequestRefused {
        String value = form.get("NumMedia").orElse("0").strip();
        try {
            int count = Integer.parseInt(value);
            if (count < 0 || count > MAX_MEDIA) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new RequestRefused(400, "NumMedia '" + abbreviate(value) + "' is not a number from 0 to "
                    + MAX_MEDIA);
        }
    }

    private static URI mediaUri(String name, String url) throws RequestRefused {
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new RequestRefused(400, name + " is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RequestRefused(400, name + " is not a valid URL");
        }
    }

    /** The media's id (the last path segment, {@code ME…}) with an extension for its type. */
    private static String fileName(URI uri, int index, String contentType) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String stem = last.matches("[A-Za-z0-9_-]{1,64}") ? last : "media-" + (index + 1);
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String extension = EXTENSIONS.getOrDefault((parameters < 0 ? type : type.substring(0, parameters)).strip(),
                "bin");
        return stem + "." + extension;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
