package org.switchboard.portal.collaboration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} variables in a text. Each value is asked for only if the text uses it (the order number
 * asks external systems) and once. A known variable whose value is {@code null} or blank becomes empty and is
 * reported as missing; an unknown one stays as written and is reported, so the agent notices it.
 */
final class VariableText {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private VariableText() {
    }

    static RenderedResponse render(String text, Map<String, Supplier<String>> values) {
        Map<String, String> resolved = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            String replacement;
            Supplier<String> value = values.get(name);
            if (value == null) {
                replacement = matcher.group();
                if (!unknown.contains(matcher.group(1))) {
                    unknown.add(matcher.group(1));
                }
            } else {
                replacement = resolved.computeIfAbsent(name, n -> {
                    String v = value.get();
                    return v == null ? "" : v.strip();
                });
                if (replacement.isEmpty() && !missing.contains(name)) {
                    missing.add(name);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return new RenderedResponse(out.toString(), List.copyOf(missing), List.copyOf(unknown));
    }
}
