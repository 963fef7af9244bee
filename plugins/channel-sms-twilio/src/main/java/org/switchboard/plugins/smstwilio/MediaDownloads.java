package org.switchboard.plugins.smstwilio;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the media of an inbound MMS from Twilio.
 *
 * <p>Twilio's media URLs need the account's credentials (HTTP Basic) unless the account allows public media, and
 * answer with a redirect to a short-lived storage URL. Redirects are followed here rather than by the shared HTTP
 * client (whose redirect policy is the host's), so that the credentials go only to Twilio itself: the storage
 * host gets none, and would refuse a request carrying a second authentication anyway.
 */
final class MediaDownloads {

    /** Twilio caps an MMS at 5 MB; more than twice that is not a picture from a phone. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    /** A downloaded file. */
    record Media(byte[] content, String contentType) {
    }

    /** Why a file could not be fetched, in words fit for an agent. */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient http;
    private final URI apiBaseUrl;
    private final String authorization;
    private final Duration timeout;

    MediaDownloads(HttpClient http, TwilioSettings settings, Duration timeout) {
        this.http = http;
        this.apiBaseUrl = settings.apiBaseUrl();
        this.authorization = basic(settings.accountSid(), settings.authToken());
        this.timeout = timeout;
    }

    /** The HTTP Basic header value of the account's credentials. */
    static String basic(String accountSid, String authToken) {
        String pair = accountSid + ":" + authToken;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Downloads one file, following redirects.
     *
     * @param deadline the {@link System#nanoTime()} by which the file, body included, must have arrived
     */
    Media download(URI url, long deadline) throws Unavailable {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = get(current, deadline);
            int status = response.statusCode();
            if (isRedirect(status)) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new Unavailable("Twilio answered HTTP " + status + " without a Location");
                }
                current = current.resolve(location.get());
                continue;
            }
            if (status < 200 || status > 299) {
                throw new Unavailable("Twilio answered HTTP " + status);
            }
            return new Media(response.body(), response.headers().firstValue("Content-Type").orElse(null));
        }
        throw new Unavailable("more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<byte[]> get(URI url, long deadline) throws Unavailable {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Unavailable("the media URL is not http(s)");
        }
        long left = deadline - System.nanoTime();
        if (left < TimeUnit.MILLISECONDS.toNanos(50)) {
            throw new Unavailable("no time was left to fetch it before Twilio's webhook timeout");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofNanos(Math.min(left, timeout.toNanos()))).GET();
        if (isTwilio(url)) {
            request.header("Authorization", authorization);
        }
        // Only a successful answer's body is kept, and only up to the limit; redirects and errors are discarded.
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request.build(), info ->
                info.statusCode() >= 200 && info.statusCode() <= 299
                        ? new LimitedBody(MAX_BYTES) : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            // The request timeout covers the headers only; this bounds the body too.
            return answer.get(Math.min(left, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new Unavailable("Twilio did not answer in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new Unavailable("larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new Unavailable("Twilio did not answer in time");
            }
            throw new Unavailable("Twilio could not be reached");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable("the download was interrupted");
        }
    }

    /** Collects a body, giving up as soon as it grows past the limit instead of buffering it all. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /** The body passed the size limit. */
    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** The API's own origin, or a Twilio host over HTTPS: the only places that get the credentials. */
    private boolean isTwilio(URI url) {
        if (sameOrigin(url, apiBaseUrl)) {
            return true;
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return "https".equalsIgnoreCase(url.getScheme()) && (host.equals("twilio.com") || host.endsWith(".twilio.com"));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
