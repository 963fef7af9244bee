/**
 * The website chat channel: an embeddable widget (one {@code <script>} tag) and the small HTTP protocol it
 * speaks with the portal under {@code /hooks/{accountId}}.
 *
 * <p>This package owns the widget script, the visitor's credentials (a random visitor id and an HMAC of it under
 * the account's signing key, so the portal keeps no session table), the validation of what a browser posts, and
 * the long poll that shows agent replies live. It keeps no messages: the host's store is the source of truth and
 * the history is read back through {@link org.switchboard.plugin.api.channel.MessageHistory}. The only state in
 * memory is the wake-up signal of each waiting long poll.
 *
 * <p>Only {@link org.switchboard.plugins.webchat.WebchatPlugin} and
 * {@link org.switchboard.plugins.webchat.WebchatConnector} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.webchat;
