package org.switchboard.portal.customer;

import java.util.List;

/**
 * A custom customer attribute as an admin defined it.
 *
 * @param id       its id
 * @param key      stable key (lower-case letters, digits, dashes, underscores), unique
 * @param label    what the UI shows
 * @param type     value type
 * @param options  the choices of a {@link AttributeType#SELECT}, else empty
 * @param position order in forms
 */
public record AttributeDefinition(long id, String key, String label, AttributeType type, List<String> options,
        int position) {
}
