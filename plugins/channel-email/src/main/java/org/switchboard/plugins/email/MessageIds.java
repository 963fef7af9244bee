package org.switchboard.plugins.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-IDs in headers (In-Reply-To, References), written and read without angle brackets in the portal. */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");

    private MessageIds() {
    }

    /** The ids in a header value, in order, brackets removed; bare ids are accepted when no brackets are used. */
    static List<String> parse(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return ids;
        }
        Matcher matcher = BRACKETED.matcher(header);
        while (matcher.find()) {
            if (!ids.contains(matcher.group(1))) {
                ids.add(matcher.group(1));
            }
        }
        if (ids.isEmpty()) {
            for (String token : header.trim().split("\\s+")) {
                if (token.contains("@") && !ids.contains(token)) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    /** An id in brackets, as headers carry it. */
    static String bracketed(String id) {
        String bare = id.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            return bare;
        }
        return "<" + bare + ">";
    }
}
