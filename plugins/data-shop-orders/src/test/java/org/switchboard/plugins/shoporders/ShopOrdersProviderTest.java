package org.switchboard.plugins.shoporders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.plugins.shoporders.ShopFixture.TOKEN;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;
import org.switchboard.plugin.api.customer.CustomerDataException;

class ShopOrdersProviderTest {

    private final ShopFixture fixture = new ShopFixture();
    private final ShopOrdersProvider provider = new ShopOrdersProvider();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<ConfigProblem> problems(Map<String, String> overrides) {
        return provider.validate(new ChannelConfig(fixture.config(overrides)));
    }

    @Test
    void the_provider_has_its_stable_id_and_a_name() {
        assertThat(provider.id()).isEqualTo("shop-orders");
        assertThat(provider.name()).isNotBlank();
    }

    @Test
    void the_schema_declares_every_key_with_its_type_and_marks_the_token_secret() {
        Map<String, ConfigField> fields = new HashMap<>();
        provider.configSchema().forEach(field -> fields.put(field.key(), field));

        assertThat(fields).containsOnlyKeys("baseUrl", "ordersPath", "authHeader", "authToken", "maxOrders",
                "timeoutSeconds", "orderLinkTemplate");
        assertThat(fields.get("baseUrl").type()).isEqualTo(FieldType.URL);
        assertThat(fields.get("baseUrl").required()).isTrue();
        assertThat(fields.get("ordersPath").defaultValue()).isEqualTo("/orders?email={email}&phone={phone}");
        assertThat(fields.get("authHeader").defaultValue()).isEqualTo("Authorization");
        assertThat(fields.get("authToken").secret()).isTrue();
        assertThat(fields.get("authToken").required()).isFalse();
        assertThat(fields.get("maxOrders").type()).isEqualTo(FieldType.INTEGER);
        assertThat(fields.get("maxOrders").defaultValue()).isEqualTo("10");
        assertThat(fields.get("timeoutSeconds").type()).isEqualTo(FieldType.INTEGER);
        assertThat(fields.get("timeoutSeconds").defaultValue()).isEqualTo("5");
        assertThat(fields.values()).filteredOn(ConfigField::secret).extracting(ConfigField::key)
                .containsExactly("authToken");
    }

    @Test
    void a_complete_configuration_has_no_problems() {
        assertThat(problems(Map.of(ShopSettings.ORDERS_PATH, "/orders.json?email={email}&status=any&limit={limit}",
                ShopSettings.AUTH_HEADER, "X-Shopify-Access-Token", ShopSettings.MAX_ORDERS, "25",
                ShopSettings.TIMEOUT_SECONDS, "8",
                ShopSettings.ORDER_LINK_TEMPLATE, "https://shop.example.com/admin/orders/{id}"))).isEmpty();
    }

    @Test
    void each_unusable_value_is_named_by_its_key() {
        List<ConfigProblem> problems = problems(Map.of(
                ShopSettings.BASE_URL, "ftp://shop.example.com",
                ShopSettings.ORDERS_PATH, "/orders?email={mail}",
                ShopSettings.AUTH_HEADER, "Bad Header:",
                ShopSettings.MAX_ORDERS, "0",
                ShopSettings.TIMEOUT_SECONDS, "ten",
                ShopSettings.ORDER_LINK_TEMPLATE, "/admin/orders/{id}"));

        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder("baseUrl", "ordersPath",
                "authHeader", "maxOrders", "timeoutSeconds", "orderLinkTemplate");
        assertThat(problems).filteredOn(p -> p.key().equals("ordersPath")).extracting(ConfigProblem::message)
                .containsExactly("unknown placeholder {mail}: use {email}, {phone}, {customerId} or {limit}");
    }

    @Test
    void a_path_without_any_identity_placeholder_is_refused() {
        assertThat(problems(Map.of(ShopSettings.ORDERS_PATH, "/orders?limit={limit}")))
                .extracting(ConfigProblem::key, ConfigProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ordersPath", "must contain {email}, {phone} "
                        + "or {customerId}, or the shop would answer every lookup with the same orders"));
    }

    @Test
    void a_base_url_with_a_query_is_refused_and_a_missing_one_is_required() {
        assertThat(problems(Map.of(ShopSettings.BASE_URL, "https://shop.example.com/api?key=1")))
                .extracting(ConfigProblem::key).containsExactly("baseUrl");
        Map<String, String> noBase = new HashMap<>();
        noBase.put(ShopSettings.BASE_URL, null);
        assertThat(problems(noBase)).extracting(ConfigProblem::key).containsExactly("baseUrl");
    }

    @Test
    void limits_outside_their_range_are_refused() {
        assertThat(problems(Map.of(ShopSettings.MAX_ORDERS, "101", ShopSettings.TIMEOUT_SECONDS, "31")))
                .extracting(ConfigProblem::message)
                .containsExactlyInAnyOrder("must be between 1 and 100", "must be between 1 and 30");
    }

    @Test
    void a_token_problem_never_repeats_the_token() {
        List<ConfigProblem> problems = problems(Map.of(ShopSettings.AUTH_TOKEN, TOKEN + "\r\nX-Evil: 1"));

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("authToken");
        assertThat(problems.getFirst().message()).doesNotContain(TOKEN);
    }

    @Test
    void restricted_headers_cannot_carry_the_token() {
        assertThat(problems(Map.of(ShopSettings.AUTH_HEADER, "Host"))).extracting(ConfigProblem::key)
                .containsExactly("authHeader");
    }

    @Test
    void opening_an_unusable_configuration_fails_with_the_key_and_without_the_token() {
        assertThatThrownBy(() -> fixture.open(Map.of(ShopSettings.BASE_URL, "not a url")))
                .isInstanceOf(CustomerDataException.class)
                .hasMessageStartingWith("Shop orders cannot start: baseUrl ")
                .message().doesNotContain(TOKEN);
    }

    @Test
    void the_open_source_never_prints_the_token() throws Exception {
        String printed = fixture.open().toString();

        assertThat(printed).doesNotContain(TOKEN).contains("authToken=***").contains(fixture.shop.baseUrl() + "/api");
    }

    @Test
    void the_extension_index_lists_the_provider_so_pf4j_finds_it() throws Exception {
        // the index next to the main classes (test-classes has an empty one of its own)
        URL classes = ShopOrdersProvider.class.getProtectionDomain().getCodeSource().getLocation();
        try (InputStream index = classes.toURI().resolve("META-INF/extensions.idx").toURL().openStream()) {
            assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(ShopOrdersProvider.class.getName());
        }
    }
}
