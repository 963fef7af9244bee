package org.switchboard.plugins.email;

import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.ConnectionHealth;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.api.channel.WebhookResult;

/**
 * One mailbox: a {@link MailboxWatcher} receiving by IMAP on its own thread, and an {@link SmtpSender} for
 * replies. Mail never arrives by webhook.
 */
final class EmailConnection implements ChannelConnection {

    private final EmailSettings settings;
    private final String accountId;
    private final MailboxWatcher watcher;
    private final SmtpSender sender;

    EmailConnection(EmailSettings settings, ConnectionContext context) {
        this.settings = settings;
        this.accountId = context.accountId();
        SecretRedactor redactor = new SecretRedactor(settings);
        this.sender = new SmtpSender(settings, context.plugin().clock(), redactor);
        this.watcher = new MailboxWatcher(settings, context.accountId(), context.sink(),
                new MailboxCursor(context.plugin().dataDirectory().resolve(safeDirectoryName(context.accountId()))),
                redactor, context.plugin().logger(), context.plugin().clock(), context.plugin().scheduler());
    }

    void start() {
        watcher.start();
    }

    @Override
    public WebhookResult handleWebhook(WebhookRequest request) {
        return WebhookResult.rejected(404, "email arrives by IMAP");
    }

    @Override
    public SendResult send(OutboundMessage message) {
        // Jakarta Mail consults the context class loader; on the host's dispatcher thread that is the host's.
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(EmailConnection.class.getClassLoader());
        try {
            return sender.send(message);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    @Override
    public ConnectionHealth health() {
        return watcher.health();
    }

    boolean idling() {
        return watcher.idling();
    }

    @Override
    public void close() {
        watcher.stop();
    }

    /** Account ids are the host's; still, never let one climb out of the data directory. */
    private static String safeDirectoryName(String accountId) {
        String safe = accountId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "EmailConnection[" + accountId + ": " + settings + "]";
    }
}
