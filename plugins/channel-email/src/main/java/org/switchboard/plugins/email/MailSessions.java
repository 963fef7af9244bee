package org.switchboard.plugins.email;

import jakarta.mail.Provider;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPSSLStore;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Builds Jakarta Mail sessions with timeouts, so a dead server never hangs a send or the mailbox loop.
 *
 * <p>Providers are named by class literal instead of being looked up by protocol name: the lookup reads
 * {@code META-INF/javamail.providers} files through the thread's context class loader, which inside the portal is
 * the host's, and the plugin ships Jakarta Mail relocated. Class literals are relocated along with the library.
 */
final class MailSessions {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SMTP_READ_TIMEOUT = Duration.ofSeconds(30);

    static {
        ContentHandlers.install();
    }

    private MailSessions() {
    }

    /** A session for the IMAP store; {@code readTimeout} must outlast an IDLE between two renewals. */
    static Session imap(MailServer server, Duration readTimeout) {
        String protocol = server.security() == MailSecurity.SSL ? "imaps" : "imap";
        Properties props = common(protocol, server);
        props.put("mail." + protocol + ".timeout", millis(readTimeout));
        props.put("mail." + protocol + ".writetimeout", millis(readTimeout));
        // Read messages without setting \Seen; the loop sets it only once the portal has stored them.
        props.put("mail." + protocol + ".peek", "true");
        return Session.getInstance(props);
    }

    static Provider imapProvider(MailServer server) {
        return server.security() == MailSecurity.SSL
                ? new Provider(Provider.Type.STORE, "imaps", IMAPSSLStore.class.getName(), "Eclipse Angus", null)
                : new Provider(Provider.Type.STORE, "imap", IMAPStore.class.getName(), "Eclipse Angus", null);
    }

    /** A session for one SMTP submission. */
    static Session smtp(MailServer server, String envelopeFrom) {
        String protocol = server.security() == MailSecurity.SSL ? "smtps" : "smtp";
        Properties props = common(protocol, server);
        props.put("mail." + protocol + ".timeout", millis(SMTP_READ_TIMEOUT));
        props.put("mail." + protocol + ".writetimeout", millis(SMTP_READ_TIMEOUT));
        props.put("mail." + protocol + ".auth", String.valueOf(server.needsLogin()));
        props.put("mail." + protocol + ".from", envelopeFrom);
        // Report every refused recipient with its reply code instead of the first only.
        props.put("mail." + protocol + ".reportsuccess", "false");
        return Session.getInstance(props);
    }

    static Provider smtpProvider(MailServer server) {
        return server.security() == MailSecurity.SSL
                ? new Provider(Provider.Type.TRANSPORT, "smtps", SMTPSSLTransport.class.getName(), "Eclipse Angus",
                        null)
                : new Provider(Provider.Type.TRANSPORT, "smtp", SMTPTransport.class.getName(), "Eclipse Angus", null);
    }

    /** A session that only parses messages, never connects; shared, as building one reads resource files. */
    static Session offline() {
        return OFFLINE;
    }

    private static final Session OFFLINE = Session.getInstance(offlineProperties());

    private static Properties offlineProperties() {
        Properties props = new Properties();
        // Be lenient with what real mail clients send.
        props.put("mail.mime.address.strict", "false");
        props.put("mail.mime.decodetext.strict", "false");
        props.put("mail.mime.parameters.strict", "false");
        props.put("mail.mime.base64.ignoreerrors", "true");
        props.put("mail.mime.uudecode.ignoreerrors", "true");
        return props;
    }

    private static Properties common(String protocol, MailServer server) {
        Properties props = new Properties();
        String prefix = "mail." + protocol + ".";
        props.put(prefix + "host", server.host());
        props.put(prefix + "port", String.valueOf(server.port()));
        props.put(prefix + "connectiontimeout", millis(CONNECT_TIMEOUT));
        if (server.security() == MailSecurity.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (server.security() != MailSecurity.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        props.put("mail.mime.address.strict", "false");
        return props;
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
