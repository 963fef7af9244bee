/**
 * The WhatsApp channel, through Meta's WhatsApp Business Cloud API (the Graph API).
 *
 * <p>This package owns the webhook protocol (the {@code hub.challenge} subscription handshake, the
 * {@code X-Hub-Signature-256} check over the raw body, and the translation of Meta's notification payloads into
 * canonical messages and status updates), the download of inbound media, outbound sending (text, uploaded media,
 * approved templates) with Meta's error codes mapped to retryable or permanent failures, and the listing of
 * approved templates. It keeps no messages; the only state in memory is which parts of a multi-part outbound
 * message were already accepted, so a retry does not send them twice.
 *
 * <p>Only {@link org.switchboard.plugins.whatsapp.WhatsappPlugin} and
 * {@link org.switchboard.plugins.whatsapp.WhatsappConnector} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.whatsapp;
