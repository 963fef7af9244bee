package org.switchboard.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class PortalStartsTest extends PortalTest.Base {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void liquibase_applied_the_changelog_to_a_real_mariadb() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select version()", String.class)).contains("MariaDB");
        assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG", Integer.class)).isPositive();
        assertThat(jdbc.queryForList("show tables", String.class))
                .contains("customer", "customer_identity", "channel_account", "conversation", "message",
                        "conversation_event", "agent", "team", "outbox");
    }

    @Test
    void the_first_admin_exists_and_the_ui_asks_for_a_login() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from agent where email = ?", Integer.class,
                TestData.ADMIN_EMAIL)).isEqualTo(1);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        // Unauthenticated: Vaadin's security sends the browser to the login view.
        assertThat(response.statusCode()).isIn(200, 302);
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // The login page links the style sheet before anyone is signed in.
        HttpResponse<String> css = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/styles/switchboard.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".sb-message");
    }
}
