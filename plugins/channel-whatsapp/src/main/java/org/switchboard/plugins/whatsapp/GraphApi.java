package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls to Meta's Graph API for one account: every request carries the access token as a Bearer header (never in
 * the URL, so it cannot end up in a log line or an exception message) and has a deadline for the whole exchange,
 * body included, so a slow provider never holds a sender or a webhook thread.
 */
final class GraphApi {

    /** Sends, uploads and downloads. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI base;
    private final String version;
    private final String accessToken;

    GraphApi(HttpClient http, WhatsappSettings settings) {
        this.http = http;
        this.base = settings.apiBaseUrl();
        this.version = settings.apiVersion();
        this.accessToken = settings.accessToken();
    }

    /** The URL of a Graph path such as {@code 1234/messages}, under the configured version. */
    URI url(String path) {
        return URI.create(base + "/" + version + "/" + path);
    }

    /** Whether {@code url} points at the configured Graph host, so the token may be sent there. */
    boolean isGraphUrl(URI url) {
        return url.getScheme() != null && url.getScheme().equalsIgnoreCase(base.getScheme())
                && url.getHost() != null && url.getHost().equalsIgnoreCase(base.getHost())
                && url.getPort() == base.getPort();
    }

    GraphResponse get(URI url, Duration timeout) throws IOException {
        return exchange(authorised(url, timeout).GET().build(), timeout, Long.MAX_VALUE);
    }

    GraphResponse postJson(URI url, JsonObject json, Duration timeout) throws IOException {
        HttpRequest request = authorised(url, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8))
                .build();
        return exchange(request, timeout, Long.MAX_VALUE);
    }

    GraphResponse postMultipart(URI url, Multipart form, Duration timeout) throws IOException {
        HttpRequest request = authorised(url, timeout)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toBytes()))
                .build();
        return exchange(request, timeout, Long.MAX_VALUE);
    }

    /**
     * Downloads at most {@code maxBytes}; media URLs need the same Bearer token as the API.
     *
     * @throws TooLarge when the body is longer
     */
    GraphResponse download(URI url, long maxBytes, Duration timeout) throws IOException {
        return exchange(authorised(url, timeout).GET().build(), timeout, maxBytes);
    }

    private HttpRequest.Builder authorised(URI url, Duration timeout) {
        return HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json, */*");
    }

    private GraphResponse exchange(HttpRequest request, Duration timeout, long maxBytes) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<InputStream>> headers =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = await(headers, deadline, timeout, null);
        InputStream in = response.body();
        // The client's own timeout ends when the headers arrive; a body that stalls half-way would block a plain
        // read forever, so it is read on a virtual thread and the stream is closed when the deadline passes.
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        Thread.ofVirtual().name("whatsapp-body").start(() -> {
            try (in) {
                body.complete(readBounded(in, maxBytes));
            } catch (IOException | RuntimeException e) {
                body.completeExceptionally(e);
            }
        });
        return new GraphResponse(response.statusCode(), response.headers(), await(body, deadline, timeout, in));
    }

    private static <T> T await(CompletableFuture<T> future, long deadline, Duration timeout, InputStream toClose)
            throws IOException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(future, toClose);
            throw new HttpTimeoutException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            abort(future, toClose);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the Graph API", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.getClass().getSimpleName(), cause);
        }
    }

    private static void abort(CompletableFuture<?> future, InputStream toClose) {
        future.cancel(true);
        if (toClose != null) {
            try {
                toClose.close();
            } catch (IOException ignored) {
                // the exchange is abandoned anyway
            }
        }
    }

    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** A download larger than allowed. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("larger than " + maxBytes / (1024 * 1024) + " MB");
        }
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "GraphApi[" + base + "/" + version + "]";
    }
}
