package org.switchboard.plugins.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation token in subjects, {@code [#<conversation id>]}: outbound subjects carry it so that a reply
 * whose client dropped In-Reply-To and References still finds its conversation.
 */
final class SubjectToken {

    private static final Pattern TOKEN = Pattern.compile("\\[#([A-Za-z0-9][A-Za-z0-9._:-]{0,127})]");

    private SubjectToken() {
    }

    static String token(String conversationId) {
        return "[#" + conversationId + "]";
    }

    /** The subject with the token appended, unless it already carries it. */
    static String withToken(String subject, String conversationId) {
        if (conversationId == null || conversationId.isBlank() || !TOKEN.matcher(token(conversationId)).matches()) {
            return subject;
        }
        String token = token(conversationId);
        if (subject.contains(token)) {
            return subject;
        }
        return subject.isBlank() ? token : subject.strip() + " " + token;
    }

    /** The conversation id of the last token in {@code subject}, if any. */
    static Optional<String> conversationId(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(subject);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last);
    }
}
