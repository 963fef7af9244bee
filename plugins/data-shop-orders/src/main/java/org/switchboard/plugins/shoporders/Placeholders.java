package org.switchboard.plugins.shoporders;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {name}} placeholders in the admin's URL templates, filled with URL-encoded values. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Placeholders() {
    }

    /** The placeholder names in {@code template}, in order of appearance. */
    static Set<String> namesIn(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** {@code template} with every known placeholder replaced by its encoded value (unknown ones left alone). */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    value == null ? matcher.group() : encode(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Percent-encodes a value so it is safe both in a query and in a path segment: {@code +4915…} must arrive as
     * a plus, not as a space, and {@code /} must not open a new path segment.
     */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
