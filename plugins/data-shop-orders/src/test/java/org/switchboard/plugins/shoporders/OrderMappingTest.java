package org.switchboard.plugins.shoporders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.plugins.shoporders.ShopFixture.customer;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerRecord;
import org.switchboard.plugin.testkit.ProviderStub.Answer;

class OrderMappingTest {

    private final ShopFixture fixture = new ShopFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<CustomerRecord> lookUp(String answer, Map<String, String> config) throws CustomerDataException {
        fixture.shop.always("GET", "/api/orders", Answer.json(200, answer));
        return fixture.open(config).lookup(customer("bob.norman@mail.example.com", null)).records();
    }

    @Test
    void a_plain_array_maps_every_documented_field() throws Exception {
        List<CustomerRecord> records = lookUp(ShopSamples.PLAIN_ARRAY, Map.of());

        assertThat(records).hasSize(2);
        CustomerRecord order = records.getFirst();
        assertThat(order.type()).isEqualTo("order");
        assertThat(order.reference()).isEqualTo("4827");
        assertThat(order.title()).isEqualTo("Order #4827 — Trail running shoes × 1 + 1 more");
        assertThat(order.status()).isEqualTo("shipped");
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-11-20T15:03:10Z"));
        assertThat(order.amount()).isEqualByComparingTo("59.90");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.link()).isNull();
        assertThat(order.details()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "items", "Trail running shoes × 1, Merino socks × 2",
                "tracking number", "00340434161094042557",
                "carrier", "DHL",
                "tracking URL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html"
                        + "?piececode=00340434161094042557",
                "refund", "none"));
        CustomerRecord older = records.get(1);
        assertThat(older.title()).isEqualTo("Order #4811 — Water bottle");
        assertThat(older.amount()).isEqualByComparingTo(new BigDecimal("24.50"));
        assertThat(older.details()).containsOnlyKeys("items");
    }

    @Test
    void a_shopify_answer_shows_the_order_number_customers_quote_and_a_combined_status() throws Exception {
        List<CustomerRecord> records = lookUp(ShopSamples.SHOPIFY, Map.of());

        assertThat(records).extracting(CustomerRecord::reference).containsExactly("1002", "1001", "1000");
        CustomerRecord shipped = records.getFirst();
        assertThat(shipped.title()).isEqualTo("Order #1002 — Draft - 151cm × 2");
        assertThat(shipped.status()).isEqualTo("fulfilled, paid");
        assertThat(shipped.updatedAt()).isEqualTo(Instant.parse("2026-11-20T15:02:33Z"));
        assertThat(shipped.amount()).isEqualByComparingTo("45.50");
        assertThat(shipped.currency()).isEqualTo("USD");
        assertThat(shipped.details()).containsEntry("tracking number", "1Z2345")
                .containsEntry("carrier", "UPS")
                .containsEntry("tracking URL", "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345")
                .containsEntry("shipment", "in transit")
                .doesNotContainKey("refund");

        CustomerRecord refunded = records.get(1);
        assertThat(refunded.title()).isEqualTo("Order #1001 — IPod Nano - 8gb - green × 1 + 2 more");
        assertThat(refunded.status()).isEqualTo("unfulfilled, partially refunded");
        assertThat(refunded.amount()).isEqualByComparingTo("598.94");
        assertThat(refunded.details()).containsEntry("refund", "209.00 USD (it broke during shipping)")
                .containsEntry("items", "IPod Nano - 8gb - green × 1, IPod Nano - 8gb - red × 1, "
                        + "IPod Nano - 8gb - black × 1")
                .doesNotContainKey("tracking number");

        CustomerRecord cancelled = records.get(2);
        assertThat(cancelled.title()).isEqualTo("Order #1000");
        assertThat(cancelled.status()).isEqualTo("cancelled, refunded");
    }

    @Test
    void a_woocommerce_answer_reads_gmt_dates_and_negative_refund_totals() throws Exception {
        List<CustomerRecord> records = lookUp(ShopSamples.WOOCOMMERCE, Map.of());

        assertThat(records).extracting(CustomerRecord::reference).containsExactly("727", "723");
        CustomerRecord processing = records.getFirst();
        assertThat(processing.status()).isEqualTo("processing");
        assertThat(processing.updatedAt()).isEqualTo(Instant.parse("2026-11-22T19:28:08Z"));
        assertThat(processing.amount()).isEqualByComparingTo("29.35");
        assertThat(processing.title()).isEqualTo("Order #727 — Woo Single #1 × 2 + 1 more");
        CustomerRecord completed = records.get(1);
        assertThat(completed.details()).containsEntry("refund", "2 refunds, 15.00 USD in total (Wrong size)");
    }

    @Test
    void refunds_of_the_generic_format_are_summed_with_their_reasons_after_the_refund_status() throws Exception {
        String answer = """
                [{"number": "4827", "currency": "EUR", "refund_status": "partially_refunded",
                  "refunds": [{"amount": "12.00", "reason": "socks too small"}, {"amount": 3, "note": "shipping"}]},
                 {"number": "4828", "currency": "EUR", "refunds": [{"amount": "12.00", "reason": "socks too small"}]},
                 {"number": "4829", "refunds": [{"id": 9}]}]
                """;

        List<CustomerRecord> records = lookUp(answer, Map.of());

        assertThat(records.get(0).details()).containsEntry("refund",
                "partially refunded: 2 refunds, 15.00 EUR in total (socks too small; shipping)");
        assertThat(records.get(1).details()).containsEntry("refund", "12.00 EUR (socks too small)");
        assertThat(records.get(2).details()).containsEntry("refund", "1 refund");
    }

    @Test
    void the_order_link_template_gets_the_shops_internal_id_and_the_number() throws Exception {
        List<CustomerRecord> records = lookUp(ShopSamples.SHOPIFY, Map.of(ShopSettings.ORDER_LINK_TEMPLATE,
                "https://admin.shopify.com/store/jsmith/orders/{id}?n={number}"));

        assertThat(records.getFirst().link())
                .isEqualTo(URI.create("https://admin.shopify.com/store/jsmith/orders/1073459962?n=1002"));
    }

    @Test
    void an_order_without_an_id_uses_its_number_in_the_link() throws Exception {
        List<CustomerRecord> records = lookUp("[{\"number\": \"A/17\", \"status\": \"open\"}]",
                Map.of(ShopSettings.ORDER_LINK_TEMPLATE, "https://shop.example.com/admin/orders/{id}"));

        assertThat(records.getFirst().link()).isEqualTo(URI.create("https://shop.example.com/admin/orders/A%2F17"));
    }

    @Test
    void orders_are_sorted_newest_first_and_undated_ones_last() throws Exception {
        String answer = """
                {"data": [
                  {"id": 1, "updated_at": "2026-01-01T00:00:00Z"},
                  {"id": 2},
                  {"id": 3, "created_at": "2026-03-01T00:00:00Z"},
                  {"id": 4, "updated_at": 1767312000},
                  {"id": 5, "updated_at": "2026-02-01 12:00:00"}
                ]}
                """;

        List<CustomerRecord> records = lookUp(answer, Map.of());

        assertThat(records).extracting(CustomerRecord::reference).containsExactly("3", "5", "4", "1", "2");
        assertThat(records.get(1).updatedAt()).isEqualTo(Instant.parse("2026-02-01T12:00:00Z"));
        assertThat(records.get(2).updatedAt()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void only_the_newest_max_orders_are_kept() throws Exception {
        StringBuilder answer = new StringBuilder("[");
        for (int day = 1; day <= 25; day++) {
            answer.append(day == 1 ? "" : ",").append("{\"number\": ").append(day)
                    .append(", \"updated_at\": \"2026-10-").append(String.format("%02d", day)).append("T10:00:00Z\"}");
        }
        answer.append("]");

        List<CustomerRecord> records = lookUp(answer.toString(), Map.of(ShopSettings.MAX_ORDERS, "3"));

        assertThat(records).extracting(CustomerRecord::reference).containsExactly("25", "24", "23");
    }

    @Test
    void ten_orders_are_kept_by_default() throws Exception {
        StringBuilder answer = new StringBuilder("[");
        for (int i = 1; i <= 12; i++) {
            answer.append(i == 1 ? "" : ",").append("{\"id\": ").append(i).append("}");
        }
        answer.append("]");

        assertThat(lookUp(answer.toString(), Map.of())).hasSize(10);
    }

    @Test
    void unknown_fields_and_fields_of_unexpected_types_are_ignored() throws Exception {
        String answer = """
                [{"reference": "R-9", "status": {"code": 3}, "total": {"weird": true}, "currency": "euro",
                  "items": [{"quantity": 2}, 17, "Gift card"], "updated_at": "last tuesday",
                  "created_at": "2026-05-05", "tracking_url": "javascript:alert(1)", "extra": [1, 2, 3]}]
                """;

        CustomerRecord order = lookUp(answer, Map.of()).getFirst();

        assertThat(order.reference()).isEqualTo("R-9");
        assertThat(order.status()).isEmpty();
        assertThat(order.amount()).isNull();
        assertThat(order.currency()).isNull();
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-05-05T00:00:00Z"));
        assertThat(order.details()).containsExactly(Map.entry("items", "Gift card"));
    }

    @Test
    void subscriptions_beside_the_orders_become_subscription_records() throws Exception {
        String answer = """
                {
                  "orders": [{"number": "4827", "status": "shipped", "updated_at": "2026-11-20T10:00:00Z"}],
                  "subscriptions": [
                    {"id": 5120, "status": "active", "billing_period": "month", "billing_interval": "1",
                     "next_payment_date_gmt": "2026-12-01T09:00:00", "date_modified_gmt": "2026-11-21T09:00:00",
                     "total": "19.90", "currency": "EUR",
                     "line_items": [{"name": "Coffee beans 1 kg", "quantity": 1}]},
                    {"id": "sub_77", "status": "cancelled", "plan": {"name": "Tea club"}}
                  ]
                }
                """;

        List<CustomerRecord> records = lookUp(answer, Map.of());

        assertThat(records).extracting(CustomerRecord::type, CustomerRecord::reference).containsExactly(
                org.assertj.core.groups.Tuple.tuple("subscription", "5120"),
                org.assertj.core.groups.Tuple.tuple("order", "4827"),
                org.assertj.core.groups.Tuple.tuple("subscription", "sub_77"));
        CustomerRecord coffee = records.getFirst();
        assertThat(coffee.title()).isEqualTo("Subscription #5120 — Coffee beans 1 kg × 1");
        assertThat(coffee.status()).isEqualTo("active");
        assertThat(coffee.amount()).isEqualByComparingTo("19.90");
        assertThat(coffee.currency()).isEqualTo("EUR");
        assertThat(coffee.details()).containsEntry("next payment", "2026-12-01")
                .containsEntry("interval", "every 1 month");
        assertThat(records.get(2).title()).isEqualTo("Subscription #sub_77 — Tea club");
    }

    @Test
    void an_empty_list_is_no_records() throws Exception {
        assertThat(lookUp("{\"orders\": []}", Map.of())).isEmpty();
        fixture.shop.reset();
        assertThat(lookUp("[]", Map.of())).isEmpty();
        assertThat(fixture.shop.requests()).hasSize(1);
    }
}
