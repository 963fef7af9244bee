package org.switchboard.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;

/**
 * Signing in over real HTTP against the running portal: a disabled user's open session is refused on its next
 * request, repeated wrong passwords lock the account even for the right one, and the last sign-in is recorded.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class SignInTest extends PortalTest.Base {

    static final String PASSWORD = "a sentence nobody guesses";

    @LocalServerPort
    int port;

    @Autowired
    AgentDirectory directory;

    @Autowired
    AgentAdministration administration;

    @Test
    void a_disabled_agents_existing_session_is_refused_on_its_next_request() {
        AgentView agent = newAgent();
        Browserish browser = new Browserish(port);
        assertThat(Browserish.signedIn(browser.signIn(agent.email(), PASSWORD))).isTrue();
        HttpResponse<String> before = browser.get("/");
        assertThat(before.statusCode()).isEqualTo(200);

        administration.disable(agent.id());

        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(Browserish.location(after)).contains("/login");
        assertThat(Browserish.signedIn(new Browserish(port).signIn(agent.email(), PASSWORD))).isFalse();

        administration.enable(agent.id());
        assertThat(Browserish.signedIn(new Browserish(port).signIn(agent.email(), PASSWORD))).isTrue();
    }

    @Test
    void a_session_of_someone_else_survives_the_disabling() {
        AgentView disabled = newAgent();
        AgentView other = newAgent();
        Browserish browser = new Browserish(port);
        assertThat(Browserish.signedIn(browser.signIn(other.email(), PASSWORD))).isTrue();

        administration.disable(disabled.id());

        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_for_the_right_one() {
        AgentView agent = newAgent();
        Browserish browser = new Browserish(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = browser.signIn(agent.email(), "wrong password number " + i);
            assertThat(Browserish.location(refused)).contains("/login?error");
        }

        HttpResponse<String> locked = browser.signIn(agent.email(), PASSWORD);

        assertThat(Browserish.signedIn(locked)).isFalse();
        assertThat(Browserish.location(locked)).contains("/login?error");
    }

    @Test
    void a_sign_in_is_remembered() {
        AgentView agent = newAgent();
        assertThat(lastSignIn(agent)).isNull();

        assertThat(Browserish.signedIn(new Browserish(port).signIn(agent.email(), PASSWORD))).isTrue();

        assertThat(lastSignIn(agent)).isNotNull();
    }

    private java.time.Instant lastSignIn(AgentView agent) {
        return administration.list().stream().filter(a -> a.id() == agent.id()).findFirst().orElseThrow()
                .lastSignInAt();
    }

    private AgentView newAgent() {
        return directory.create("signin-" + UUID.randomUUID() + "@example.test", "Sign In Sam", PASSWORD,
                Set.of(Role.AGENT));
    }
}
