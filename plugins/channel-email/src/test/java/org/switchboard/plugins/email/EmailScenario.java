package org.switchboard.plugins.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;

/**
 * Plays a mail provider for the email connector: an SMTP submission server (RFC 5321, with the reply codes of
 * RFC 3463 / Postfix) on a loopback socket, whose answer to the recipient is scripted per send. Email arrives by
 * IMAP, not by webhook, so the webhook checks do not apply; the IMAP side points at a closed port, and the
 * connection's mailbox loop simply keeps retrying in the background.
 *
 * <p>Self-contained (JDK, plugin API and test kit only), so the portal's round-trip tests can load it from the
 * plugin's test JAR. The SMTP server starts on the first {@link #config} call and runs on a daemon thread.
 *
 * <p>For {@link SendOutcome#ACCEPTED} the "provider's message id" is the Message-ID the server received in DATA:
 * SMTP servers do not assign message ids a sender can use, the sender's Message-ID is what a customer's reply
 * refers to in In-Reply-To.
 */
public class EmailScenario implements ChannelScenario {

    static final String FROM_ADDRESS = "support@example.com";
    static final String IMAP_PASSWORD = "imap-app-password-1234";
    static final String SMTP_PASSWORD = "smtp-app-password-5678";

    /** Postfix's answers (RFC 3463 enhanced codes) to a recipient it will not take now, or ever. */
    static final String TEMPORARY_REFUSAL = "450 4.2.1 <customer@example.org>: Recipient address rejected: "
            + "Mailbox busy, try again later";
    static final String PERMANENT_REFUSAL = "550 5.1.1 <customer@example.org>: Recipient address rejected: "
            + "User unknown in virtual mailbox table";

    private FakeSmtpServer smtp;
    private int closedPort;

    public EmailScenario() {
    }

    @Override
    public String connectorId() {
        return "email";
    }

    @Override
    public synchronized Map<String, String> config(URI providerBaseUrl) {
        if (smtp == null) {
            smtp = FakeSmtpServer.start();
            closedPort = unusedPort();
        }
        return Map.ofEntries(
                Map.entry("imapHost", "127.0.0.1"),
                Map.entry("imapPort", String.valueOf(closedPort)),
                Map.entry("imapSecurity", "none"),
                Map.entry("imapUsername", FROM_ADDRESS),
                Map.entry("imapPassword", IMAP_PASSWORD),
                Map.entry("smtpHost", "127.0.0.1"),
                Map.entry("smtpPort", String.valueOf(smtp.port())),
                Map.entry("smtpSecurity", "none"),
                Map.entry("smtpUsername", FROM_ADDRESS),
                Map.entry("smtpPassword", SMTP_PASSWORD),
                Map.entry("fromAddress", FROM_ADDRESS),
                Map.entry("fromName", "Example Support"));
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("imapPassword", "smtpPassword");
    }

    @Override
    public boolean receivesWebhooks() {
        return false;
    }

    @Override
    public String sampleSender() {
        return "customer@example.org";
    }

    @Override
    public Identity expectedSender(String sender) {
        return Identity.email(sender);
    }

    @Override
    public WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text) {
        throw new UnsupportedOperationException("email arrives by IMAP, not by webhook");
    }

    @Override
    public Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status) {
        return Optional.empty();
    }

    @Override
    public WebhookRequest withoutSignature(WebhookRequest signed) {
        throw new UnsupportedOperationException("email arrives by IMAP, not by webhook");
    }

    @Override
    public WebhookRequest withWrongSignature(WebhookRequest signed) {
        throw new UnsupportedOperationException("email arrives by IMAP, not by webhook");
    }

    @Override
    public WebhookRequest malformed(URI webhookUrl) {
        throw new UnsupportedOperationException("email arrives by IMAP, not by webhook");
    }

    @Override
    public Identity recipient() {
        return Identity.email("customer@example.org");
    }

    @Override
    public synchronized void arrangeSend(ProviderStub provider, SendOutcome outcome) {
        if (smtp == null) {
            config(provider.baseUrl());
        }
        smtp.answerRecipientsWith(switch (outcome) {
            case ACCEPTED -> "250 2.1.5 Ok";
            case RETRYABLE -> TEMPORARY_REFUSAL;
            case PERMANENT -> PERMANENT_REFUSAL;
        });
    }

    @Override
    public synchronized String acceptedMessageId() {
        List<String> received = smtp.receivedData();
        if (received.isEmpty()) {
            throw new AssertionError("the SMTP server received no message");
        }
        Matcher matcher = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>").matcher(received.getLast());
        if (!matcher.find()) {
            throw new AssertionError("the message the SMTP server received has no Message-ID");
        }
        return matcher.group(1);
    }

    @Override
    public String permanentReason() {
        return "User unknown";
    }

    /** The messages (DATA) the SMTP server received, oldest first. */
    public List<String> receivedMessages() {
        return smtp == null ? List.of() : smtp.receivedData();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Enough of an SMTP server for a submission: greeting, EHLO (with AUTH PLAIN LOGIN, accepting any login),
     * MAIL, RCPT (scripted answer), DATA, RSET, NOOP, QUIT. One client at a time, on a daemon thread.
     */
    static final class FakeSmtpServer {

        private final ServerSocket server;
        private final List<String> data = new CopyOnWriteArrayList<>();
        private volatile String rcptAnswer = "250 2.1.5 Ok";
        private volatile String mailAnswer = "250 2.1.0 Ok";
        private volatile String dataAnswer = "250 2.0.0 Ok: queued as 4BQXYZ1234";
        private volatile String authAnswer = "235 2.7.0 Authentication successful";

        private FakeSmtpServer(ServerSocket server) {
            this.server = server;
        }

        static FakeSmtpServer start() {
            try {
                FakeSmtpServer fake = new FakeSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread thread = new Thread(fake::serve, "fake-smtp-" + fake.port());
                thread.setDaemon(true);
                thread.start();
                return fake;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake SMTP server", e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        void answerRecipientsWith(String answer) {
            this.rcptAnswer = answer;
        }

        /** The answer to MAIL FROM. */
        void answerSenderWith(String answer) {
            this.mailAnswer = answer;
        }

        /** The answer after the message's final dot. */
        void answerDataWith(String answer) {
            this.dataAnswer = answer;
        }

        /** The answer to the login's last step. */
        void answerLoginWith(String answer) {
            this.authAnswer = answer;
        }

        List<String> receivedData() {
            return List.copyOf(data);
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(15_000);
                    talk(client);
                } catch (IOException e) {
                    // next client
                }
            }
        }

        private void talk(Socket client) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            reply(out, "220 fake-smtp.example.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-fake-smtp.example.test\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10240000");
                } else if (command.startsWith("HELO")) {
                    reply(out, "250 fake-smtp.example.test");
                } else if (command.startsWith("AUTH PLAIN ")) {
                    reply(out, authAnswer);
                } else if (command.equals("AUTH PLAIN")) {
                    reply(out, "334 ");
                    in.readLine();
                    reply(out, authAnswer);
                } else if (command.startsWith("AUTH LOGIN")) {
                    if (command.equals("AUTH LOGIN")) {
                        reply(out, "334 VXNlcm5hbWU6");
                        in.readLine();
                    }
                    reply(out, "334 UGFzc3dvcmQ6");
                    in.readLine();
                    reply(out, authAnswer);
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, mailAnswer);
                } else if (command.startsWith("RCPT TO")) {
                    reply(out, rcptAnswer);
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder message = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        message.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    data.add(message.toString());
                    reply(out, dataAnswer);
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
