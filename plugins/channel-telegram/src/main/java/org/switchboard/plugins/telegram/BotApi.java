package org.switchboard.plugins.telegram;

import com.eclipsesource.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Bot API calls this channel makes. Every call has its own timeout, so a slow Telegram never holds a send
 * or a webhook for long; failures are reported with the token masked.
 */
final class BotApi {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI baseUrl;
    private final String token;
    private final TokenMask mask;

    BotApi(HttpClient http, URI baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.mask = new TokenMask(token);
    }

    TokenMask mask() {
        return mask;
    }

    /** Calls a method with JSON parameters ({@code POST /bot<token>/<method>}). */
    ApiAnswer call(String method, JsonObject parameters) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(methodUri(method))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(parameters.toString()))
                .build();
        return ApiAnswer.of(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), mask);
    }

    /** Calls a method with a multipart body carrying a file. */
    ApiAnswer upload(String method, MultipartBody body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(methodUri(method))
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toBytes()))
                .build();
        return ApiAnswer.of(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), mask);
    }

    /**
     * Downloads a file that {@code getFile} described ({@code GET /file/bot<token>/<file_path>}).
     *
     * @throws IOException when Telegram answers other than 200 or the file exceeds {@code maxBytes}
     */
    byte[] download(String filePath, long maxBytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/file/bot" + token + "/" + encodePath(filePath)))
                .timeout(DOWNLOAD_TIMEOUT)
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the file download answered HTTP " + response.statusCode());
            }
            // Read one byte past the cap, so a file of exactly the cap passes and a larger one is caught.
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new IOException("the file is larger than " + maxBytes / (1024 * 1024) + " MB");
            }
            return content;
        }
    }

    /** A short description of a transport failure, fit for a reason or the health detail. */
    String describe(IOException failure) {
        String message = failure.getMessage();
        String what = failure instanceof java.net.http.HttpTimeoutException ? "timed out"
                : failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return mask.mask(what);
    }

    private URI methodUri(String method) {
        return URI.create(baseUrl + "/bot" + token + "/" + method);
    }

    /** Telegram's file paths are plain ({@code photos/file_0.jpg}); encode anything else defensively. */
    private static String encodePath(String filePath) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : filePath.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "/-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
