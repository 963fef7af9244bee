package org.switchboard.plugins.smstwilio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

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

    /** Downloads one file, following redirects. */
    Media download(URI url) throws Unavailable {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = get(current);
            int status = response.statusCode();
            if (isRedirect(status)) {
                closeQuietly(response.body());
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new Unavailable("Twilio answered HTTP " + status + " without a Location");
                }
                current = current.resolve(location.get());
                continue;
            }
            try (InputStream body = response.body()) {
                if (status < 200 || status > 299) {
                    throw new Unavailable("Twilio answered HTTP " + status);
                }
                byte[] content = body.readNBytes(MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    throw new Unavailable("larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                return new Media(content, response.headers().firstValue("Content-Type").orElse(null));
            } catch (IOException e) {
                throw new Unavailable("the download broke off");
            }
        }
        throw new Unavailable("more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<InputStream> get(URI url) throws Unavailable {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Unavailable("the media URL is not http(s)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (isTwilio(url)) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Unavailable("Twilio did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new Unavailable("Twilio could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("the download was interrupted");
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

    private static void closeQuietly(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            body.close();
        } catch (IOException e) {
            // Nothing to release: the redirect's body is not needed.
        }
    }
}
