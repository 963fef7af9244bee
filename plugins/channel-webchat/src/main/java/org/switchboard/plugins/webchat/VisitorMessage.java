package org.switchboard.plugins.webchat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * A message a visitor's browser posted to {@code /messages}, validated.
 *
 * @param clientId the id the browser gave the message; part of the external id, so a retried POST is stored once
 * @param text     what the visitor wrote, as written
 * @param name     the name from the pre-chat form, or {@code null}
 * @param email    the email address from the pre-chat form, or {@code null}
 */
record VisitorMessage(String clientId, String text, String name, String email) {

    static final int MAX_TEXT_LENGTH = 5000;
    static final int MAX_NAME_LENGTH = 200;
    /** The longest address SMTP can carry. */
    static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Plausible, not RFC 5322: one @, no spaces, a dotted domain. The host normalises and the agent sees it. */
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

    /**
     * Reads and checks a body such as {@code {"id":"…","text":"…","name":"…","email":"…"}}.
     *
     * @throws RequestRefused 400 (413 when huge) naming what is wrong
     */
    static VisitorMessage parse(byte[] body) throws RequestRefused {
        JsonBody json = JsonBody.parse(body);
        String id = json.string("id").orElseThrow(
                () -> RequestRefused.badRequest("'id' is required: a message id chosen by the browser"));
        if (!CLIENT_ID.matcher(id).matches()) {
            throw RequestRefused.badRequest("'id' must be 1 to 64 letters, digits, '-' or '_'");
        }
        String text = json.string("text").orElse("");
        if (text.isBlank()) {
            throw RequestRefused.badRequest("'text' is required and must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw RequestRefused.badRequest("'text' is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        String name = json.string("name").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw RequestRefused.badRequest("'name' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String email = json.string("email").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            throw RequestRefused.badRequest("'email' is not an email address");
        }
        return new VisitorMessage(id, text, name, email);
    }

    /**
     * The canonical message. The external id joins the visitor id and the browser's id: unique per account, and
     * the same for a retried POST, so the host stores a retry once.
     */
    InboundMessage toInboundMessage(String visitorId, Instant sentAt, Map<String, String> metadata) {
        List<Identity> others = email == null ? List.of() : List.of(Identity.email(email));
        return new InboundMessage(visitorId + ":" + clientId, new Identity(IdentityKind.WEBCHAT_VISITOR, visitorId),
                name, others, text, null, List.of(), sentAt, ThreadingHints.NONE, metadata);
    }
}
