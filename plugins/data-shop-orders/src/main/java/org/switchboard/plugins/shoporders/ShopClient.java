package org.switchboard.plugins.shoporders;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.plugin.api.customer.CustomerDataException;

/**
 * The GET request to the shop: the credential in its header (never in a message), one deadline for the whole
 * exchange (headers and body, so a shop that stalls half-way through its answer cannot hold the agent's view), and
 * a size limit on the answer. Every failure becomes a {@link CustomerDataException} that agents may read.
 */
final class ShopClient {

    /** Far more than a page of orders; a bigger answer means the shop did not filter. */
    static final long MAX_BODY_BYTES = 5L * 1024 * 1024;

    private final HttpClient http;
    private final ShopSettings settings;

    ShopClient(HttpClient http, ShopSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * The body of a 2xx answer.
     *
     * @throws CustomerDataException on a timeout, a network failure or any other status
     */
    byte[] get(URI url) throws CustomerDataException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .GET();
        String auth = settings.authValue();
        if (auth != null) {
            request.header(settings.authHeader(), auth);
        }
        HttpResponse<byte[]> response = await(http.sendAsync(request.build(),
                info -> new BoundedBody(MAX_BODY_BYTES)), url.getHost());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new CustomerDataException(ShopError.describe(status, response.body(), settings.authToken()));
        }
        return response.body();
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange, String host)
            throws CustomerDataException {
        Duration timeout = settings.timeout();
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw notInTime();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CustomerDataException("the order lookup was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw notInTime();
            }
            if (cause instanceof BoundedBody.TooLarge tooLarge) {
                throw new CustomerDataException("the shop's answer is " + tooLarge.getMessage()
                        + ": check that the orders path filters by customer", tooLarge);
            }
            if (cause instanceof ConnectException) {
                throw new CustomerDataException("the shop could not be reached (" + host
                        + " refused the connection)", cause);
            }
            // the message of an IOException names the host at most; the URL (with an email) is not repeated
            throw new CustomerDataException("the shop could not be reached: "
                    + (cause instanceof IOException && cause.getMessage() != null
                            ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
        }
    }

    private CustomerDataException notInTime() {
        return new CustomerDataException("the shop did not answer within " + settings.timeout().toSeconds() + " s");
    }
}
