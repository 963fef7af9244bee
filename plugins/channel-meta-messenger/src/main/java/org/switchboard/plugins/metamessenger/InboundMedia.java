package org.switchboard.plugins.metamessenger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.switchboard.plugin.api.channel.Attachment;

/**
 * Downloads the files customers send. Meta's webhook gives only a CDN URL that expires after a while, so the
 * file is fetched while the webhook is handled and stored by the host with the message. The CDN URL is public and
 * signed: no access token is sent with it.
 */
final class InboundMedia {

    /** Meta's own limit for attachments; a bigger answer is not a customer's file. */
    static final int MAX_BYTES = 25 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A downloaded file, or why there is none. */
    sealed interface Download {
    }

    record Downloaded(Attachment attachment) implements Download {
    }

    record Failed(String reason) implements Download {
    }

    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", ".jpg", "image/png", ".png", "image/gif", ".gif", "image/webp", ".webp",
            "video/mp4", ".mp4", "audio/mpeg", ".mp3", "audio/mp4", ".m4a", "audio/aac", ".aac",
            "application/pdf", ".pdf");

    private final HttpClient http;

    InboundMedia(HttpClient http) {
        this.http = http;
    }

    /**
     * Fetches one file.
     *
     * @param url      the payload's URL
     * @param type     Meta's attachment type (image, video, audio, file, ...), for names and fallbacks
     * @param position the attachment's position in its message, for a fallback name
     */
    Download fetch(String url, String type, int position) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Failed("its URL is not valid");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            return new Failed("its URL is not http(s)");
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    return new Failed("the download answered HTTP " + response.statusCode());
                }
                byte[] content = body.readNBytes(MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    return new Failed("it is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                String contentType = response.headers().firstValue("Content-Type")
                        .map(value -> value.split(";")[0].strip().toLowerCase(Locale.ROOT))
                        .filter(value -> value.contains("/"))
                        .orElse("application/octet-stream");
                return new Downloaded(new Attachment(fileName(uri, type, position, contentType), contentType, content,
                        false, null));
            }
        } catch (IOException e) {
            return new Failed("the download failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("the download was interrupted");
        }
    }

    /** The URL's last path segment when it looks like a file name (Meta's CDN keeps the original's), else made up. */
    static String fileName(URI uri, String type, int position, String contentType) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.matches("[A-Za-z0-9._-]{1,120}\\.[A-Za-z0-9]{1,8}")) {
            return last;
        }
        return type + "-" + (position + 1) + EXTENSIONS.getOrDefault(contentType, "");
    }
}
