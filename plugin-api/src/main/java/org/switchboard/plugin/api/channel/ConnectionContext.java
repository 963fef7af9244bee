package org.switchboard.plugin.api.channel;

import java.net.URI;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.config.ChannelConfig;

/**
 * What the host gives one connection.
 *
 * @since 0.1.0
 */
public interface ConnectionContext {

    /** The id of the channel account this connection serves. */
    String accountId();

    /** The account's configuration, secrets decrypted. */
    ChannelConfig config();

    /** The public URL providers call for this account ({@code .../hooks/{accountId}}). */
    URI webhookUrl();

    /**
     * Where events that do not arrive through a webhook go (polled mailboxes, delivery confirmations observed later).
     */
    InboundSink sink();

    /** Read access to the messages exchanged with one identity on this account. */
    MessageHistory history();

    /** The plugin's context. */
    PluginContext plugin();
}
