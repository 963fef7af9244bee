package org.switchboard.plugins.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One email account's configuration, checked. The keys are a stable contract: never rename one.
 */
record EmailSettings(MailServer imap, String folder, Duration pollInterval, boolean useIdle, MailServer smtp,
        String fromAddress, String fromName) {

    static final String IMAP_HOST = "imapHost";
    static final String IMAP_PORT = "imapPort";
    static final String IMAP_SECURITY = "imapSecurity";
    static final String IMAP_USERNAME = "imapUsername";
    static final String IMAP_PASSWORD = "imapPassword";
    static final String IMAP_FOLDER = "imapFolder";
    static final String POLL_SECONDS = "pollSeconds";
    static final String USE_IDLE = "useIdle";
    static final String SMTP_HOST = "smtpHost";
    static final String SMTP_PORT = "smtpPort";
    static final String SMTP_SECURITY = "smtpSecurity";
    static final String SMTP_USERNAME = "smtpUsername";
    static final String SMTP_PASSWORD = "smtpPassword";
    static final String FROM_ADDRESS = "fromAddress";
    static final String FROM_NAME = "fromName";

    static final String DEFAULT_IMAP_PORT = "993";
    static final String DEFAULT_IMAP_SECURITY = "ssl";
    static final String DEFAULT_FOLDER = "INBOX";
    static final String DEFAULT_POLL_SECONDS = "60";
    static final String DEFAULT_SMTP_PORT = "587";
    static final String DEFAULT_SMTP_SECURITY = "starttls";
    /** One second suits a local server (and tests); real mailboxes should keep 30 or more, see the README. */
    static final int MIN_POLL_SECONDS = 1;

    /** Reads a configuration; throws {@link IllegalArgumentException} naming the first problem. */
    static EmailSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        String imapUser = config.get(IMAP_USERNAME).orElse("").trim();
        String imapPassword = config.get(IMAP_PASSWORD).orElse("");
        MailServer imap = new MailServer(config.require(IMAP_HOST).trim(),
                port(config, IMAP_PORT, DEFAULT_IMAP_PORT).orElseThrow(),
                security(config, IMAP_SECURITY, DEFAULT_IMAP_SECURITY).orElseThrow(), imapUser, imapPassword);
        // Most mailboxes use one login for both protocols, so SMTP falls back to the IMAP login.
        String smtpUser = config.get(SMTP_USERNAME).orElse(imapUser).trim();
        String smtpPassword = config.get(SMTP_PASSWORD).orElse(imapPassword);
        MailServer smtp = new MailServer(config.require(SMTP_HOST).trim(),
                port(config, SMTP_PORT, DEFAULT_SMTP_PORT).orElseThrow(),
                security(config, SMTP_SECURITY, DEFAULT_SMTP_SECURITY).orElseThrow(), smtpUser, smtpPassword);
        return new EmailSettings(imap, config.get(IMAP_FOLDER).orElse(DEFAULT_FOLDER).trim(),
                Duration.ofSeconds(integer(config, POLL_SECONDS, DEFAULT_POLL_SECONDS).orElseThrow()),
                !"false".equalsIgnoreCase(config.get(USE_IDLE).orElse("true").trim()), smtp,
                config.require(FROM_ADDRESS).trim(), config.get(FROM_NAME).map(String::trim).orElse(""));
    }

    /** Everything wrong with a configuration, one problem per field. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : List.of(IMAP_HOST, IMAP_USERNAME, IMAP_PASSWORD, SMTP_HOST, FROM_ADDRESS)) {
            if (config.get(key).isEmpty()) {
                problems.add(new ConfigProblem(key, "is required"));
            }
        }
        checkPort(config, IMAP_PORT, DEFAULT_IMAP_PORT, problems);
        checkPort(config, SMTP_PORT, DEFAULT_SMTP_PORT, problems);
        for (var key : List.of(IMAP_SECURITY, SMTP_SECURITY)) {
            if (config.get(key).isPresent() && MailSecurity.parse(config.get(key).get()).isEmpty()) {
                problems.add(new ConfigProblem(key, "must be none, starttls or ssl"));
            }
        }
        Optional<Integer> poll = integer(config, POLL_SECONDS, DEFAULT_POLL_SECONDS);
        if (poll.isEmpty() || poll.get() < MIN_POLL_SECONDS) {
            problems.add(new ConfigProblem(POLL_SECONDS, "must be a whole number of seconds, at least "
                    + MIN_POLL_SECONDS));
        }
        String useIdle = config.get(USE_IDLE).orElse("true").trim().toLowerCase(Locale.ROOT);
        if (!useIdle.equals("true") && !useIdle.equals("false")) {
            problems.add(new ConfigProblem(USE_IDLE, "must be true or false"));
        }
        config.get(FROM_ADDRESS).ifPresent(address -> {
            try {
                new InternetAddress(address.trim(), true).validate();
            } catch (AddressException e) {
                problems.add(new ConfigProblem(FROM_ADDRESS, "is not a valid email address"));
            }
        });
        return problems;
    }

    /** The domain of the From address, used for our Message-IDs. */
    String fromDomain() {
        int at = fromAddress.lastIndexOf('@');
        return fromAddress.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static void checkPort(ChannelConfig config, String key, String fallback, List<ConfigProblem> problems) {
        if (port(config, key, fallback).isEmpty()) {
            problems.add(new ConfigProblem(key, "must be a port number between 1 and 65535"));
        }
    }

    private static Optional<Integer> port(ChannelConfig config, String key, String fallback) {
        return integer(config, key, fallback).filter(port -> port >= 1 && port <= 65_535);
    }

    private static Optional<MailSecurity> security(ChannelConfig config, String key, String fallback) {
        return MailSecurity.parse(config.get(key).orElse(fallback));
    }

    private static Optional<Integer> integer(ChannelConfig config, String key, String fallback) {
        try {
            return Optional.of(Integer.parseInt(config.get(key).orElse(fallback).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "EmailSettings[imap=" + imap + "/" + folder + ", smtp=" + smtp + ", from=" + fromAddress + "]";
    }
}
