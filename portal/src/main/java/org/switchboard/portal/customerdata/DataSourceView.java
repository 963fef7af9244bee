package org.switchboard.portal.customerdata;

import java.util.Map;

/**
 * A data source as admins see it, secrets masked.
 *
 * @param id         its id
 * @param name       its name
 * @param providerId the provider it uses
 * @param enabled    whether agents see its records
 * @param config     its configuration, secrets masked
 */
public record DataSourceView(String id, String name, String providerId, boolean enabled, Map<String, String> config) {
}
