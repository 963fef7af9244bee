/**
 * The generic API channel: any system (a phone system posting call transcripts, a shop, a custom app) posts
 * canonical messages and status reports to the account's webhook URL and receives outbound messages at its own
 * callback URL, both directions signed with HMAC-SHA256 over a timestamp and the raw body.
 *
 * <p>This package owns the wire format (documented in the module's README), its validation, the signature and
 * its replay window, and the outbound callback. It keeps no state beyond the account's settings.
 *
 * <p>Only {@link org.switchboard.plugins.api.ApiPlugin} and {@link org.switchboard.plugins.api.ApiConnector} are
 * public, because PF4J instantiates them.
 */
package org.switchboard.plugins.api;
