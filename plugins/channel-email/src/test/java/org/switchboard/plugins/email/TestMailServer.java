package org.switchboard.plugins.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real IMAP and SMTP server (GreenMail) on fixed loopback ports, so it can be stopped and started again where
 * a connection expects it. Holds the support mailbox {@code support@example.com}.
 */
final class TestMailServer implements AutoCloseable {

    static final String ADDRESS = "support@example.com";
    static final String PASSWORD = "greenmail-secret-91";

    private final ServerSetup smtp;
    private final ServerSetup imap;
    private GreenMail greenMail;

    private TestMailServer(int smtpPort, int imapPort) {
        this.smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    }

    static TestMailServer start() {
        TestMailServer server = new TestMailServer(freePort(), freePort());
        server.startAgain();
        return server;
    }

    /** Starts (again) on the same ports; a restarted server has empty mailboxes and a new UIDVALIDITY. */
    void startAgain() {
        greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.start();
        greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
    }

    void stop() {
        greenMail.stop();
    }

    GreenMail greenMail() {
        return greenMail;
    }

    /** Puts a raw message into the support mailbox, as if it had just arrived. */
    void deliver(byte[] raw) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUserByEmail(ADDRESS);
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot deliver", e);
        }
    }

    /** The configuration of an account on this server. */
    Map<String, String> config(boolean useIdle, int pollSeconds) {
        Map<String, String> config = new HashMap<>();
        config.put("imapHost", "127.0.0.1");
        config.put("imapPort", String.valueOf(imap.getPort()));
        config.put("imapSecurity", "none");
        config.put("imapUsername", ADDRESS);
        config.put("imapPassword", PASSWORD);
        config.put("useIdle", String.valueOf(useIdle));
        config.put("pollSeconds", String.valueOf(pollSeconds));
        config.put("smtpHost", "127.0.0.1");
        config.put("smtpPort", String.valueOf(smtp.getPort()));
        config.put("smtpSecurity", "none");
        config.put("fromAddress", ADDRESS);
        config.put("fromName", "Example Support");
        return config;
    }

    @Override
    public void close() {
        if (greenMail != null && greenMail.isRunning()) {
            greenMail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
