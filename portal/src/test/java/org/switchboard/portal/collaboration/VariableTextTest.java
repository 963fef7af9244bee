package org.switchboard.portal.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VariableTextTest {

    @Test
    void known_variables_are_filled_unknown_ones_stay_visible_and_missing_values_are_reported() {
        Map<String, Supplier<String>> values = Map.of("customer.first_name", () -> "Pat", "order.number",
                () -> null);

        RenderedResponse rendered = VariableText.render(
                "Hi {{ customer.first_name }}, order #{{order.number}} {{customer.nmae}}.", values);

        assertThat(rendered.text()).isEqualTo("Hi Pat, order # {{customer.nmae}}.");
        assertThat(rendered.missing()).containsExactly("order.number");
        assertThat(rendered.unknown()).containsExactly("customer.nmae");
        assertThat(rendered.warning()).contains("{{order.number}}").contains("{{customer.nmae}}");
    }

    @Test
    void a_value_is_asked_for_only_when_used_and_only_once() {
        AtomicInteger asked = new AtomicInteger();
        Map<String, Supplier<String>> values = Map.of("order.number", () -> {
            asked.incrementAndGet();
            return "4827";
        }, "customer.name", () -> "Pat");

        assertThat(VariableText.render("Hello {{customer.name}}", values).text()).isEqualTo("Hello Pat");
        assertThat(asked).hasValue(0);
        assertThat(VariableText.render("{{order.number}} / {{order.number}}", values).text())
                .isEqualTo("4827 / 4827");
        assertThat(asked).hasValue(1);
    }

    @Test
    void dollar_signs_and_backslashes_in_values_are_kept_as_they_are() {
        assertThat(VariableText.render("{{customer.name}}", Map.of("customer.name", () -> "$1 \\o/")).text())
                .isEqualTo("$1 \\o/");
    }
}
