package org.switchboard.portal.collaboration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads "@mentions" in a note: "@" followed by a colleague's display name or email, case-insensitive, as the
 * composer's picker writes it ("@Ana Lopez"). The longest name that fits wins ("@Ana Lopez" over "@Ana"), a name
 * must end at a non-letter ("@Anabel" is not "@Ana"), and an "@" inside a word (bob@example.com) is no mention.
 */
public final class Mentions {

    /** The longest text after "@" the picker treats as a name being typed. */
    private static final int MAX_QUERY = 60;

    private Mentions() {
    }

    /** The colleagues the text mentions, in order of first mention, each once. */
    public static List<Teammate> in(String text, List<Teammate> teammates) {
        if (text == null || text.indexOf('@') < 0) {
            return List.of();
        }
        record Candidate(String name, Teammate teammate) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Teammate teammate : teammates) {
            if (!teammate.displayName().isBlank()) {
                candidates.add(new Candidate(teammate.displayName().strip(), teammate));
            }
            if (teammate.email() != null && !teammate.email().isBlank()) {
                candidates.add(new Candidate(teammate.email().strip(), teammate));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.name().length()).reversed());
        Set<Teammate> found = new LinkedHashSet<>();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at > 0 && isWordChar(text.charAt(at - 1))) {
                continue;
            }
            int start = at + 1;
            for (Candidate candidate : candidates) {
                int end = start + candidate.name().length();
                if (text.regionMatches(true, start, candidate.name(), 0, candidate.name().length())
                        && (end == text.length() || !isNameChar(text.charAt(end)))) {
                    found.add(candidate.teammate());
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The name being typed at the end of the text: what follows the last "@" that starts a word, when it is short
     * and on one line; empty when the text does not end in a mention being typed.
     */
    public static Optional<String> typedAtEnd(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.lastIndexOf('@');
        if (at < 0 || (at > 0 && isWordChar(text.charAt(at - 1)))) {
            return Optional.empty();
        }
        String query = text.substring(at + 1);
        if (query.length() > MAX_QUERY || query.contains("\n") || query.startsWith(" ")) {
            return Optional.empty();
        }
        return Optional.of(query);
    }

    /** The colleagues whose name or email starts with the query (or whose name has a word starting with it). */
    public static List<Teammate> matching(String query, List<Teammate> teammates) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return teammates.stream().filter(t -> {
            String name = t.displayName().toLowerCase(Locale.ROOT);
            return name.startsWith(q) || name.contains(" " + q)
                    || (t.email() != null && t.email().toLowerCase(Locale.ROOT).startsWith(q));
        }).toList();
    }

    /**
     * The text with the mention being typed at its end replaced by the colleague's full "@Name " (or "@email " when
     * another colleague has the same name, so the mention stays unambiguous).
     */
    public static String complete(String text, Teammate teammate, List<Teammate> teammates) {
        int at = text.lastIndexOf('@');
        String name = teammate.displayName().strip();
        boolean shared = teammates.stream().anyMatch(t -> t.id() != teammate.id()
                && t.displayName().strip().equalsIgnoreCase(name));
        return (at < 0 ? text : text.substring(0, at)) + "@" + (shared ? teammate.email() : name) + " ";
    }

    /* Before an "@": part of an email address or a word, so no mention starts there. */
    private static boolean isWordChar(char c) {
        return isNameChar(c) || c == '.' || c == '-' || c == '+';
    }

    /* After a name: the name goes on ("@Anabel" is not "@Ana"); punctuation ends it ("@Ana, please"). */
    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
