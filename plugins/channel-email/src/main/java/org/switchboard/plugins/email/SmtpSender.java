package org.switchboard.plugins.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;

/**
 * Submits replies over SMTP, one connection per message (support mail is a trickle; a pooled connection would
 * have to survive the server's idle timeout for nothing).
 *
 * <p>SMTP reply codes decide retries: 4xx is a temporary refusal (greylisting, a full mailbox, rate limits) and is
 * retried, 5xx is permanent and reported with the server's own words. A failed login is retryable, because the
 * message itself is fine and will go once the admin fixes the password. Connection failures and timeouts are
 * retryable.
 */
final class SmtpSender {

    private final EmailSettings settings;
    private final OutboundMailBuilder builder;
    private final SecretRedactor redactor;

    SmtpSender(EmailSettings settings, Clock clock, SecretRedactor redactor) {
        this.settings = settings;
        this.builder = new OutboundMailBuilder(settings, clock);
        this.redactor = redactor;
    }

    SendResult send(OutboundMessage outbound) {
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(outbound.recipient().value().strip(), true);
            recipient.validate();
        } catch (AddressException e) {
            return SendResult.permanent("not a valid email address: " + outbound.recipient().value());
        }
        MailServer server = settings.smtp();
        Session session = MailSessions.smtp(server, settings.fromAddress());
        try {
            MimeMessage message = builder.build(session, outbound, recipient);
            try (Transport transport = session.getTransport(MailSessions.smtpProvider(server))) {
                if (server.needsLogin()) {
                    transport.connect(server.host(), server.port(), server.username(), server.password());
                } else {
                    transport.connect(server.host(), server.port(), null, null);
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
            return SendResult.sent(builder.messageIdFor(outbound.messageId()));
        } catch (MessagingException e) {
            return failure(e);
        } catch (RuntimeException e) {
            // A message Jakarta Mail cannot build or write: sending it again would fail the same way.
            return SendResult.permanent("cannot send this message: " + redactor.redact(String.valueOf(e)));
        }
    }

    private SendResult failure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return SendResult.retryable("SMTP login refused: " + reason(e));
        }
        int code = replyCode(e);
        if (code >= 500) {
            return SendResult.permanent("SMTP server refused the message: " + reason(e));
        }
        if (code >= 400) {
            return SendResult.retryable("SMTP server deferred the message: " + reason(e));
        }
        if (e instanceof MailConnectException || hasIoCause(e)) {
            return SendResult.retryable("SMTP server unreachable: " + reason(e));
        }
        if (e instanceof SendFailedException) {
            // Refused without a reply code we could read: trying again will not change the address.
            return SendResult.permanent("SMTP server refused the recipient: " + reason(e));
        }
        return SendResult.retryable("SMTP error: " + reason(e));
    }

    /** The first SMTP reply code in the exception chain, or 0. */
    private static int replyCode(MessagingException e) {
        Exception current = e;
        while (current != null) {
            if (current instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (current instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            current = current instanceof MessagingException me ? me.getNextException() : null;
        }
        return 0;
    }

    /** Whether a socket problem lies under the exception (MessagingException's cause is its next exception). */
    private static boolean hasIoCause(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The server's own words, from the most specific exception in the chain, without secrets. */
    private String reason(MessagingException e) {
        Exception specific = e;
        Exception current = e;
        while (current instanceof MessagingException me && me.getNextException() != null) {
            current = me.getNextException();
            if (current instanceof MessagingException) {
                specific = current;
            }
        }
        String message = specific.getMessage() == null ? specific.getClass().getSimpleName() : specific.getMessage();
        if (specific != e && e.getMessage() != null && !message.contains(e.getMessage())) {
            message = e.getMessage() + ": " + message;
        }
        return redactor.redact(message.strip().replaceAll("\\s+", " "));
    }
}
