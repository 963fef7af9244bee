package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.SendResult;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.TestConnectionContext;
import org.switchboard.plugin.testkit.TestPluginContext;

/**
 * SMTP refusals at each step of a submission (RFC 5321 reply codes, Postfix's wording), from the scenario's
 * scripted server.
 */
class SmtpFailureTest {

    private EmailScenario.FakeSmtpServer smtp;
    private TestPluginContext plugin;
    private ChannelConnection connection;

    @BeforeEach
    void open() throws Exception {
        smtp = EmailScenario.FakeSmtpServer.start();
        plugin = new TestPluginContext("channel-email");
        Map<String, String> config = new HashMap<>(new EmailScenario().config(URI.create("http://unused")));
        config.put("smtpPort", String.valueOf(smtp.port()));
        connection = new EmailConnector().open(new TestConnectionContext(config,
                URI.create("https://portal.example.test/hooks/a1"), plugin));
    }

    @AfterEach
    void close() {
        connection.close();
        plugin.close();
    }

    private SendResult.Failed send() {
        SendResult result = connection.send(new OutboundMessage("m-1", "42", Identity.email("customer@example.org"),
                "Agent", "Hello", null, List.of(), ThreadingHints.NONE));
        assertThat(result).isInstanceOf(SendResult.Failed.class);
        return (SendResult.Failed) result;
    }

    @Test
    void a_5xx_after_the_data_is_permanent_with_the_servers_words() {
        smtp.answerDataWith("554 5.7.1 Service unavailable; message rejected as spam");
        SendResult.Failed failed = send();
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("554 5.7.1", "rejected as spam");
    }

    @Test
    void a_4xx_after_the_data_is_retryable() {
        smtp.answerDataWith("451 4.3.0 Error: queue file write error");
        SendResult.Failed failed = send();
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("451 4.3.0");
    }

    @Test
    void a_rate_limited_sender_is_retryable() {
        smtp.answerSenderWith("421 4.7.0 Too many messages, slow down");
        assertThat(send().retryable()).isTrue();
    }

    @Test
    void a_refused_login_is_retryable_and_never_shows_the_password() {
        smtp.answerLoginWith("535 5.7.8 Error: authentication failed: authentication failure");
        SendResult.Failed failed = send();
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("login refused", "535")
                .doesNotContain(EmailScenario.SMTP_PASSWORD);
    }
}
