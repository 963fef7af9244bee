package org.switchboard.plugins.email;

import java.util.List;
import java.util.Set;
import org.pf4j.Extension;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;

/**
 * The email channel type: customers write to a mailbox the portal reads by IMAP, agents answer by SMTP. Public
 * because PF4J instantiates it.
 */
@Extension
public class EmailConnector implements ChannelConnector {

    /** Email has no practical length limit (0 = none); no reply window either. */
    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor("email", "Email", IdentityKind.EMAIL,
            Set.of(ChannelCapability.ATTACHMENTS, ChannelCapability.RICH_TEXT), 0, null);

    private static final String SECURITY_HELP = "none, starttls or ssl.";

    private static final List<ConfigField> SCHEMA = List.of(
            ConfigField.text(EmailSettings.IMAP_HOST, "IMAP server", true,
                    "Where customers' mail is read from, e.g. imap.gmail.com or outlook.office365.com."),
            new ConfigField(EmailSettings.IMAP_PORT, "IMAP port", FieldType.INTEGER, false, false,
                    EmailSettings.DEFAULT_IMAP_PORT, "993 for ssl, 143 for starttls or none."),
            new ConfigField(EmailSettings.IMAP_SECURITY, "IMAP security", FieldType.TEXT, false, false,
                    EmailSettings.DEFAULT_IMAP_SECURITY, SECURITY_HELP),
            ConfigField.text(EmailSettings.IMAP_USERNAME, "IMAP username", true, "Usually the full email address."),
            ConfigField.secret(EmailSettings.IMAP_PASSWORD, "IMAP password", true,
                    "For Gmail and Microsoft 365 an app password; OAuth2 sign-in is not supported yet."),
            new ConfigField(EmailSettings.IMAP_FOLDER, "Folder", FieldType.TEXT, false, false,
                    EmailSettings.DEFAULT_FOLDER, "The folder to watch."),
            new ConfigField(EmailSettings.USE_IDLE, "Push (IMAP IDLE)", FieldType.BOOLEAN, false, false, "true",
                    "Receive new mail within seconds when the server supports IDLE; otherwise the folder is "
                            + "checked every poll interval."),
            new ConfigField(EmailSettings.POLL_SECONDS, "Poll interval (seconds)", FieldType.INTEGER, false, false,
                    EmailSettings.DEFAULT_POLL_SECONDS,
                    "How often to check for mail without IDLE, and to renew IDLE with it."),
            ConfigField.text(EmailSettings.SMTP_HOST, "SMTP server", true,
                    "Where replies are sent through, e.g. smtp.gmail.com or smtp.office365.com."),
            new ConfigField(EmailSettings.SMTP_PORT, "SMTP port", FieldType.INTEGER, false, false,
                    EmailSettings.DEFAULT_SMTP_PORT, "587 for starttls, 465 for ssl."),
            new ConfigField(EmailSettings.SMTP_SECURITY, "SMTP security", FieldType.TEXT, false, false,
                    EmailSettings.DEFAULT_SMTP_SECURITY, SECURITY_HELP),
            ConfigField.text(EmailSettings.SMTP_USERNAME, "SMTP username", false,
                    "Leave empty to use the IMAP username."),
            ConfigField.secret(EmailSettings.SMTP_PASSWORD, "SMTP password", false,
                    "Leave empty to use the IMAP password."),
            new ConfigField(EmailSettings.FROM_ADDRESS, "From address", FieldType.EMAIL, true, false, null,
                    "The address replies come from, normally the mailbox's own. Mail from it is never treated as "
                            + "a customer's."),
            ConfigField.text(EmailSettings.FROM_NAME, "From name", false, "e.g. Acme Support."));

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConfigField> configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(ChannelConfig config) {
        return EmailSettings.problems(config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        EmailSettings settings;
        try {
            settings = EmailSettings.from(context.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelException("Email cannot start: " + e.getMessage(), e);
        }
        EmailConnection connection = new EmailConnection(settings, context);
        connection.start();
        return connection;
    }
}
