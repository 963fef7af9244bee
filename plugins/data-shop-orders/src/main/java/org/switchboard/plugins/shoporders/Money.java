package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * An amount and its ISO 4217 currency, read from {@code total}/{@code total_price} and {@code currency}, or from a
 * {@code total} object such as {@code {"amount": "10.00", "currency_code": "EUR"}}.
 *
 * @param amount   the amount, or {@code null}
 * @param currency the upper-case currency code, or {@code null}
 */
record Money(BigDecimal amount, String currency) {

    static Money of(JsonObject owner, String... amountNames) {
        Optional<String> currency = currency(owner);
        for (String name : amountNames) {
            Optional<JsonObject> nested = JsonReads.object(owner, name);
            if (nested.isPresent()) {
                Optional<BigDecimal> amount = JsonReads.decimal(nested.get(), "amount", "value");
                if (amount.isPresent()) {
                    return new Money(amount.get(), currency(nested.get()).or(() -> currency).orElse(null));
                }
            }
            Optional<BigDecimal> amount = JsonReads.decimal(owner, name);
            if (amount.isPresent()) {
                return new Money(amount.get(), currency.orElse(null));
            }
        }
        return new Money(null, currency.orElse(null));
    }

    static Optional<String> currency(JsonObject owner) {
        return JsonReads.text(owner, "currency", "currency_code", "currencyCode")
                .map(code -> code.toUpperCase(Locale.ROOT))
                .filter(code -> code.matches("[A-Z]{3}"));
    }

    /** "41.94 USD", or the bare amount without a currency. */
    static String format(BigDecimal amount, String currency) {
        return amount.toPlainString() + (currency == null ? "" : " " + currency);
    }
}
