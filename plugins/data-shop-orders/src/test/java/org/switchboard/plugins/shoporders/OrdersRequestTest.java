package org.switchboard.plugins.shoporders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.shoporders.ShopFixture.TOKEN;
import static org.switchboard.plugins.shoporders.ShopFixture.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.customer.CustomerLookup;
import org.switchboard.plugin.api.customer.CustomerRecords;
import org.switchboard.plugin.testkit.ProviderStub.Answer;
import org.switchboard.plugin.testkit.RecordedRequest;

class OrdersRequestTest {

    private final ShopFixture fixture = new ShopFixture();

    @BeforeEach
    void answerEverything() {
        fixture.shop.always("GET", "/", Answer.json(200, "[]"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void the_default_path_carries_the_email_and_the_e164_phone_url_encoded() throws Exception {
        fixture.open().lookup(customer("bob+shop@mail.example.com", "+4915112345678"));

        RecordedRequest request = fixture.shop.takeRequest(1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/orders");
        assertThat(request.query()).isEqualTo("email=bob%2Bshop%40mail.example.com&phone=%2B4915112345678");
        assertThat(request.header("Accept")).contains("application/json");
    }

    @Test
    void the_token_is_sent_as_a_bearer_token_in_authorization_by_default() throws Exception {
        fixture.open().lookup(customer("bob@mail.example.com", null));

        assertThat(fixture.shop.takeRequest(1).header("Authorization")).contains("Bearer " + TOKEN);
    }

    @Test
    void in_another_header_the_token_is_sent_as_is() throws Exception {
        fixture.open(Map.of(ShopSettings.AUTH_HEADER, "X-Shopify-Access-Token"))
                .lookup(customer("bob@mail.example.com", null));

        RecordedRequest request = fixture.shop.takeRequest(1);
        assertThat(request.header("X-Shopify-Access-Token")).contains(TOKEN);
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    void a_token_that_names_its_scheme_is_sent_unchanged() throws Exception {
        // WooCommerce: HTTP Basic with the consumer key and secret
        fixture.open(Map.of(ShopSettings.AUTH_TOKEN, "Basic Y2tfMTIzOmNzXzQ1Ng=="))
                .lookup(customer("bob@mail.example.com", null));

        assertThat(fixture.shop.takeRequest(1).header("Authorization")).contains("Basic Y2tfMTIzOmNzXzQ1Ng==");
    }

    @Test
    void without_a_token_no_credential_is_sent() throws Exception {
        Map<String, String> noToken = new HashMap<>();
        noToken.put(ShopSettings.AUTH_TOKEN, null);
        fixture.open(noToken).lookup(customer("bob@mail.example.com", null));

        assertThat(fixture.shop.takeRequest(1).header("Authorization")).isEmpty();
    }

    @Test
    void an_unknown_identity_leaves_its_parameter_out() throws Exception {
        fixture.open().lookup(customer(null, "+14155550123"));

        assertThat(fixture.shop.takeRequest(1).query()).isEqualTo("phone=%2B14155550123");
    }

    @Test
    void a_customer_without_a_usable_identity_is_not_looked_up() throws Exception {
        CustomerLookup visitorOnly = new CustomerLookup("cust-7", null,
                List.of(new Identity(IdentityKind.WEBCHAT_VISITOR, "v-123")));

        CustomerRecords records = fixture.open().lookup(visitorOnly);

        assertThat(records).isSameAs(CustomerRecords.NONE);
        assertThat(fixture.shop.requests()).isEmpty();
    }

    @Test
    void an_identity_in_the_path_that_is_unknown_means_no_request() throws Exception {
        var source = fixture.open(Map.of(ShopSettings.ORDERS_PATH, "/customers/{email}/orders"));

        assertThat(source.lookup(customer(null, "+14155550123")).records()).isEmpty();
        assertThat(fixture.shop.requests()).isEmpty();

        source.lookup(customer("a/b@example.com", null));
        assertThat(fixture.shop.takeRequest(1).path()).isEqualTo("/api/customers/a%2Fb%40example.com/orders");
    }

    @Test
    void the_host_customer_id_and_the_limit_fill_their_placeholders_and_fixed_parameters_stay() throws Exception {
        fixture.open(Map.of(ShopSettings.ORDERS_PATH, "/v2/orders.json?customer={customerId}&status=any"
                        + "&limit={limit}", ShopSettings.MAX_ORDERS, "5"))
                .lookup(new CustomerLookup("cust 42", null, List.of()));

        RecordedRequest request = fixture.shop.takeRequest(1);
        assertThat(request.path()).isEqualTo("/api/v2/orders.json");
        assertThat(request.query()).isEqualTo("customer=cust%2042&status=any&limit=5");
    }

    @Test
    void a_base_url_with_a_trailing_slash_and_a_path_without_one_join_cleanly() throws Exception {
        fixture.open(Map.of(ShopSettings.BASE_URL, fixture.shop.baseUrl() + "/wp-json/wc/v3/",
                        ShopSettings.ORDERS_PATH, "orders?search={email}"))
                .lookup(customer("bob@mail.example.com", null));

        RecordedRequest request = fixture.shop.takeRequest(1);
        assertThat(request.path()).isEqualTo("/wp-json/wc/v3/orders");
        assertThat(request.query()).isEqualTo("search=bob%40mail.example.com");
    }

    @Test
    void every_lookup_asks_the_shop_again() throws Exception {
        var source = fixture.open();
        source.lookup(customer("bob@mail.example.com", null));
        source.lookup(customer("bob@mail.example.com", null));

        assertThat(fixture.shop.requests()).hasSize(2);
    }
}
