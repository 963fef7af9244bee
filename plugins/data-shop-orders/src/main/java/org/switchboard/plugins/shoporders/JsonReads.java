package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lenient reads of a shop's JSON: each shop names and types its fields a little differently, so a member of an
 * unexpected type counts as absent instead of failing the whole lookup, and the first of several names present
 * wins.
 */
final class JsonReads {

    /** Epoch numbers above this are milliseconds (it is 1973 in milliseconds, 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private JsonReads() {
    }

    /** The first of {@code names} that is a non-blank string or a number (ids come as either), stripped. */
    static Optional<String> text(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return Optional.of(value.asString().strip());
            }
            if (value != null && value.isNumber()) {
                return Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }

    /** The first of {@code names} that is a number or a numeric string ({@code "598.94"}, as Shopify sends). */
    static Optional<BigDecimal> decimal(JsonObject object, String... names) {
        for (String name : names) {
            Optional<BigDecimal> number = decimal(object.get(name));
            if (number.isPresent()) {
                return number;
            }
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> decimal(JsonValue value) {
        if (value == null || !(value.isNumber() || value.isString())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal((value.isString() ? value.asString() : value.toString()).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The first of {@code names} that is a readable point in time: ISO-8601 with an offset, or without one (read as
     * UTC, as WooCommerce's {@code *_gmt} fields mean), a date alone, or epoch seconds or milliseconds.
     */
    static Optional<Instant> instant(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            Optional<Instant> instant = value == null ? Optional.empty()
                    : value.isString() ? instant(value.asString().strip())
                    : value.isNumber() ? epoch(value) : Optional.empty();
            if (instant.isPresent()) {
                return instant;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        // "2019-05-30 07:50:48" is how many PHP shops write ISO-8601
        String iso = text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:.*") ? text.replaceFirst(" ", "T") : text;
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    private static Optional<Instant> epoch(JsonValue value) {
        try {
            long number = new BigDecimal(value.toString()).longValueExact();
            return Optional.of(Math.abs(number) >= MILLIS_THRESHOLD
                    ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The objects in the first of {@code names} that is an array; other elements are skipped. */
    static List<JsonObject> objects(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value.isArray()) {
                List<JsonObject> objects = new ArrayList<>();
                for (JsonValue element : value.asArray()) {
                    if (element.isObject()) {
                        objects.add(element.asObject());
                    }
                }
                return objects;
            }
        }
        return List.of();
    }

    /** The first of {@code names} that is an array. */
    static Optional<JsonArray> array(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value.isArray()) {
                return Optional.of(value.asArray());
            }
        }
        return Optional.empty();
    }

    /** The first of {@code names} that is an object. */
    static Optional<JsonObject> object(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value.isObject()) {
                return Optional.of(value.asObject());
            }
        }
        return Optional.empty();
    }

    /** Whether a member is present with a value other than {@code null}. */
    static boolean present(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && !value.isNull();
    }
}
