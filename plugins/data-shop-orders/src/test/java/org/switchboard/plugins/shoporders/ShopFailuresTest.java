package org.switchboard.plugins.shoporders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.switchboard.plugins.shoporders.ShopFixture.TOKEN;
import static org.switchboard.plugins.shoporders.ShopFixture.customer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.testkit.ProviderStub.Answer;

class ShopFailuresTest {

    private static final String EMAIL = "bob.norman@mail.example.com";

    private final ShopFixture fixture = new ShopFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> lookupFailsWith(Answer answer) {
        fixture.shop.always("GET", "/api/orders", answer);
        return assertThatLookupFails(Map.of());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertThatLookupFails(Map<String, String> config) {
        CustomerDataException failure = catchThrowableOfType(CustomerDataException.class,
                () -> fixture.open(config).lookup(customer(EMAIL, "+4915112345678")));
        assertThat(failure).as("a CustomerDataException").isNotNull();
        // agents read these: never the credential, and not the customer's address from the URL
        assertThat(failure.getMessage()).doesNotContain(TOKEN).doesNotContain(EMAIL).doesNotContain("4915112345678");
        return assertThat(failure);
    }

    @Test
    void the_failure_is_logged_with_the_endpoint_but_without_the_query_the_customer_or_the_token() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger("plugin.data-shop-orders");
        jul.addHandler(capture);
        try {
            lookupFailsWith(Answer.json(401, "{\"errors\":\"Invalid token " + TOKEN + "\"}"));
        } finally {
            jul.removeHandler(capture);
        }

        assertThat(logged).singleElement().asString()
                .startsWith("WARNING order lookup at " + fixture.shop.baseUrl() + "/api/orders failed: "
                        + "the shop refused the credentials (HTTP 401)")
                .doesNotContain(TOKEN).doesNotContain(EMAIL).doesNotContain("4915112345678")
                .doesNotContain("?");
    }

    @Test
    void not_found_names_the_status_and_what_to_check() {
        lookupFailsWith(Answer.json(404, "{\"errors\":\"Not Found\"}"))
                .hasMessage("the shop answered HTTP 404 (not found): check the base URL and the orders path: "
                        + "Not Found");
    }

    @Test
    void a_server_error_names_the_status() {
        lookupFailsWith(Answer.text(500, "<html><body>Internal Server Error</body></html>"))
                .hasMessage("the shop failed to answer (HTTP 500)");
    }

    @Test
    void refused_credentials_quote_the_shop_without_an_echoed_token() {
        lookupFailsWith(Answer.json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login "
                + "or wrong password): Bearer " + TOKEN + "\"}"))
                .hasMessageStartingWith("the shop refused the credentials (HTTP 401): [API] Invalid API key")
                .hasMessageContaining("Bearer ***")
                .hasMessageEndingWith(": check the token and the header it is sent in");
    }

    @Test
    void a_woocommerce_error_message_is_quoted() {
        lookupFailsWith(Answer.json(403, "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you "
                + "cannot list resources.\",\"data\":{\"status\":403}}"))
                .hasMessage("the shop refused the credentials (HTTP 403): Sorry, you cannot list resources.: "
                        + "check the token and the header it is sent in");
    }

    @Test
    void rate_limiting_is_named() {
        lookupFailsWith(Answer.json(429, "{\"errors\":\"Exceeded 2 calls per second for api client.\"}")
                .withHeader("Retry-After", "2.0"))
                .hasMessageStartingWith("the shop is limiting requests (HTTP 429)");
    }

    @Test
    void a_redirect_is_reported_not_followed() {
        lookupFailsWith(new Answer(302, "text/html", new byte[0], Map.of("Location", "https://login.example.com/")))
                .hasMessage("the shop answered HTTP 302 (a redirect): check the base URL");
        assertThat(fixture.shop.requests()).hasSize(1);
    }

    @Test
    void invalid_json_is_refused_with_where_it_breaks() {
        lookupFailsWith(Answer.json(200, "[{\"number\": \"4827\", \"status\": shipped}]"))
                .hasMessage("the shop's answer is not valid JSON (Expected value at 1:31)");
    }

    @Test
    void a_login_page_answered_with_200_is_not_taken_for_no_orders() {
        lookupFailsWith(new Answer(200, "text/html", "<!DOCTYPE html><html>Log in</html>".getBytes(),
                Map.of()))
                .hasMessageStartingWith("the shop's answer is not valid JSON");
    }

    @Test
    void an_object_without_orders_says_what_was_expected() {
        lookupFailsWith(Answer.json(200, "{\"order\": {\"id\": 1}}"))
                .hasMessage("the shop's answer has no orders: expected a JSON array, or an object with an "
                        + "\"orders\" or \"data\" array");
    }

    @Test
    void orders_that_are_not_an_array_are_refused() {
        lookupFailsWith(Answer.json(200, "{\"orders\": {\"id\": 1}}"))
                .hasMessage("\"orders\" in the shop's answer is an object, expected an array of orders");
    }

    @Test
    void an_order_that_is_not_an_object_is_refused() {
        lookupFailsWith(Answer.json(200, "[{\"id\": 1}, \"4827\"]"))
                .hasMessage("orders[1] in the shop's answer is a string, expected an object");
    }

    @Test
    void an_order_without_any_number_is_refused_rather_than_dropped() {
        lookupFailsWith(Answer.json(200, "[{\"id\": 1}, {\"status\": \"shipped\"}]"))
                .hasMessage("orders[1] in the shop's answer has no number, reference or id");
    }

    @Test
    void a_shop_that_does_not_answer_in_time_fails_after_the_timeout() {
        fixture.shop.always("GET", "/api/orders", request -> {
            try {
                Thread.sleep(Duration.ofSeconds(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "[]");
        });

        long started = System.nanoTime();
        assertThatLookupFails(Map.of(ShopSettings.TIMEOUT_SECONDS, "1"))
                .hasMessage("the shop did not answer within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void an_answer_too_large_to_be_one_customers_orders_is_cut_off() {
        StringBuilder huge = new StringBuilder("[");
        String order = "{\"id\": 1, \"note\": \"" + "x".repeat(1000) + "\"}";
        while (huge.length() < ShopClient.MAX_BODY_BYTES + 10_000) {
            huge.append(huge.length() == 1 ? "" : ",").append(order);
        }
        lookupFailsWith(Answer.json(200, huge.append("]").toString()))
                .hasMessage("the shop's answer is longer than 5 MB: check that the orders path filters by customer");
    }

    @Test
    void an_unreachable_shop_is_named_without_the_url() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThatLookupFails(Map.of(ShopSettings.BASE_URL, "http://127.0.0.1:" + closedPort + "/api"))
                .hasMessage("the shop could not be reached (127.0.0.1 refused the connection)");
    }
}
