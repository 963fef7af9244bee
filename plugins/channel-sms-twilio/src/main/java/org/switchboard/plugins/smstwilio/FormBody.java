package org.switchboard.plugins.smstwilio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} body, in order, repeated names kept.
 *
 * <p>Decoding is strict (a broken {@code %} escape or bytes that are not UTF-8 are an error, not replaced), because
 * Twilio signs the decoded values: a lenient decoder would verify a signature over something other than what
 * Twilio sent.
 */
final class FormBody {

    private final Map<String, List<String>> values;

    private FormBody(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Decodes a body.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static FormBody parse(byte[] body) {
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!raw.isEmpty()) {
            for (String pair : raw.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new FormBody(Collections.unmodifiableMap(values));
    }

    /** All parameters by name, in the order they first appeared. */
    Map<String, List<String>> values() {
        return values;
    }

    /** The first value of a parameter, if present and not blank. */
    Optional<String> get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.getFirst().isBlank()
                ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** The first value of a parameter as sent (possibly empty), or empty when absent. */
    Optional<String> raw(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("a '%' escape is cut short");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("'%" + encoded.charAt(i + 1) + encoded.charAt(i + 2)
                            + "' is not a valid escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                // The raw string was read as ISO-8859-1, so each char is exactly one byte of the body.
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a value is not UTF-8");
        }
    }
}
