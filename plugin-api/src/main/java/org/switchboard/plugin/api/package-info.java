/**
 * The Switchboard plugin API: what a channel or AI plugin compiles against.
 *
 * <p>Plain Java only (records, interfaces, enums) plus PF4J's {@code ExtensionPoint}; no Spring, JPA,
 * Vaadin or JSON-library types ever appear here, so the host can upgrade those without breaking plugins.
 * Versioned with SemVer independently of the portal: see {@link org.switchboard.plugin.api.PluginApi#VERSION}
 * and the CHANGELOG.
 *
 * @since 0.1.0
 */
package org.switchboard.plugin.api;
