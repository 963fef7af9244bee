package org.switchboard.plugin.api.channel;

import java.util.Objects;

/**
 * One identity of a customer as the channel saw it, before the host normalises it.
 *
 * @param kind  the namespace of the value
 * @param value the raw value (an address, a number, a provider id)
 * @since 0.1.0
 */
public record Identity(IdentityKind kind, String value) {

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("identity value must not be blank");
        }
    }

    public static Identity email(String address) {
        return new Identity(IdentityKind.EMAIL, address);
    }

    public static Identity phone(String number) {
        return new Identity(IdentityKind.PHONE, number);
    }
}
