/**
 * Configuration metadata: plugins declare fields, the host renders the admin form, validates, stores (secrets
 * encrypted at rest) and hands the values back.
 *
 * @since 0.1.0
 */
package org.switchboard.plugin.api.config;
