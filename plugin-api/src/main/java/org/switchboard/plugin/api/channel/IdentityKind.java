package org.switchboard.plugin.api.channel;

import java.util.Objects;

/**
 * The kind of a customer identity: what namespace its value lives in.
 *
 * <p>An open set, so a plugin can introduce a kind of its own ({@code new IdentityKind("acme-account")}). The
 * host normalises the well-known kinds ({@link #EMAIL}, {@link #PHONE}) so that the same address or number
 * arriving on different channels identifies the same customer.
 *
 * @param id lower-case identifier
 * @since 0.1.0
 */
public record IdentityKind(String id) {

    /** An email address. */
    public static final IdentityKind EMAIL = new IdentityKind("email");
    /** A phone number; WhatsApp ids and SMS numbers are phones. */
    public static final IdentityKind PHONE = new IdentityKind("phone");
    /** A website chat visitor's id, issued by the web-chat channel. */
    public static final IdentityKind WEBCHAT_VISITOR = new IdentityKind("webchat-visitor");

    public IdentityKind {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("identity kind must be lower-case letters, digits and dashes: " + id);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
