/**
 * Facebook Messenger and Instagram direct messages: two channel types that share Meta's webhook format
 * ({@code object → entry[] → messaging[]}), its signature ({@code X-Hub-Signature-256}), its subscription handshake
 * and the Graph API's send and error conventions.
 *
 * <p>This package owns the translation between Meta's payloads and the canonical events, the calls to the Graph
 * API (send, attachment upload, profile look-up, media download) and the mapping of Graph errors to send results.
 * It keeps no messages; the only state is in memory and is an optimisation: customer names already looked up,
 * the parts of a multi-part reply already delivered (so a retry does not repeat them) and the Meta timestamps of
 * recent page messages (so a Messenger read watermark can be turned into READ receipts).
 *
 * <p>Only {@link org.switchboard.plugins.metamessenger.MetaMessengerPlugin} and the two connectors are public,
 * because PF4J instantiates them.
 */
package org.switchboard.plugins.metamessenger;
