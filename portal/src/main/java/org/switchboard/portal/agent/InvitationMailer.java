package org.switchboard.portal.agent;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.ChannelConnections;

/**
 * Sends invitation mails through an email channel account's own connection (the portal has no mail settings of
 * its own: the support mailbox admins already configured sends them). Synchronous, so the admin learns at once
 * when the mail could not leave.
 */
@Component
class InvitationMailer {

    /** The connector id of the email channel plugin. */
    static final String EMAIL_CONNECTOR = "email";

    private final ChannelAccounts accounts;
    private final ChannelConnections connections;

    InvitationMailer(ChannelAccounts accounts, ChannelConnections connections) {
        this.accounts = accounts;
        this.connections = connections;
    }

    /** The email channel accounts that can send invitations. */
    List<ChannelAccountView> senders() {
        return accounts.listByConnector(EMAIL_CONNECTOR).stream().filter(ChannelAccountView::enabled).toList();
    }

    /**
     * @throws AgentException when the account is no enabled email account or the mail could not be sent
     */
    void send(String accountId, String email, String displayName, URI link, Duration validity) {
        ChannelAccountView account = accountId == null ? null : accounts.find(accountId).orElse(null);
        if (account == null || !EMAIL_CONNECTOR.equals(account.connectorId()) || !account.enabled()) {
            throw new AgentException("Choose an enabled email channel account to send the invitation from.");
        }
        String text = """
                Hello %s,

                you have been invited to Switchboard, where our team answers customers.

                Choose your password here to sign in (the link works once, for %d hours):
                %s

                If you did not expect this invitation, ignore this mail.
                """.formatted(displayName, Math.max(1, validity.toHours()), link);
        OutboundMessage mail = new OutboundMessage("invitation-" + UUID.randomUUID(), null, Identity.email(email),
                "Switchboard", text, null, List.of(),
                new ThreadingHints("Your invitation to Switchboard", null, null, List.of()));
        SendResult result;
        try {
            result = connections.connection(account.id()).send(mail);
        } catch (RuntimeException e) { // ChannelUnavailableException, or the plugin failing
            throw new AgentException("The invitation could not be sent through “" + account.name() + "”: "
                    + e.getMessage());
        }
        if (result instanceof SendResult.Failed failed) {
            throw new AgentException("The invitation could not be sent through “" + account.name() + "”: "
                    + failed.reason());
        }
    }
}
