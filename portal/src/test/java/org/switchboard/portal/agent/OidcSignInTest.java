package org.switchboard.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;

/**
 * OIDC sign-in against a local provider (discovery, JWKS, token endpoint with a signed ID token): an agent is found
 * by verified email and gets a session; unknown and unverified emails and disabled agents are refused.
 */
@PortalTest
class OidcSignInTest extends PortalTest.Base {

    static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.test.client-id", () -> FakeOidcProvider.CLIENT_ID);
        registry.add(prefix + "registration.test.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add(prefix + "registration.test.client-name", () -> "Test IdP");
        registry.add(prefix + "registration.test.scope", () -> "openid,email");
        registry.add(prefix + "provider.test.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AgentDirectory directory;

    @Test
    void an_agent_signs_in_with_a_verified_email_and_gets_their_roles() {
        AgentView agent = directory.create("oidc-" + UUID.randomUUID() + "@example.test", "Olivia Oidc",
                "olivia also has a password", Set.of(Role.SUPERVISOR));
        Browserish browser = new Browserish(port);

        HttpResponse<String> answer = signInWithProvider(browser, agent.email().toUpperCase(), true);

        assertThat(Browserish.location(answer)).doesNotContain("error").doesNotContain("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/actuator").statusCode()).as("a supervisor is no admin").isEqualTo(403);
        assertThat(directory.findByEmail(agent.email())).isPresent();
    }

    @Test
    void unknown_and_unverified_emails_and_disabled_agents_are_refused() {
        Browserish unknown = new Browserish(port);
        assertThat(Browserish.location(signInWithProvider(unknown, "nobody-" + UUID.randomUUID() + "@example.test",
                true))).contains("/login?error");
        assertThat(unknown.get("/").statusCode()).isEqualTo(302);

        AgentView agent = directory.create("unverified-" + UUID.randomUUID() + "@example.test", "Uli Unverified",
                "uli also has a password", Set.of(Role.AGENT));
        Browserish unverified = new Browserish(port);
        assertThat(Browserish.location(signInWithProvider(unverified, agent.email(), false)))
                .contains("/login?error");
        assertThat(unverified.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void the_login_page_offers_the_provider(@Autowired org.springframework.beans.factory.ObjectProvider<
            org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> clients) {
        var page = new org.switchboard.portal.ui.LoginView(clients);

        var links = page.getChildren().flatMap(c -> c.getChildren())
                .filter(c -> c instanceof com.vaadin.flow.component.html.Anchor)
                .map(c -> (com.vaadin.flow.component.html.Anchor) c).toList();
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getText()).isEqualTo("Sign in with Test IdP");
            assertThat(link.getHref()).isEqualTo("oauth2/authorization/test");
        });
    }

    /** The browser's trip: portal → provider (signed in there) → portal's callback with the code. */
    private HttpResponse<String> signInWithProvider(Browserish browser, String email, boolean verified) {
        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/test");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(Browserish.location(toProvider));
        assertThat(authorize.toString()).startsWith(PROVIDER.issuer() + "/authorize");
        Map<String, String> query = Arrays.stream(authorize.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        String code = PROVIDER.codeFor(email, verified, "Someone", query.get("nonce"));
        URI callback = URI.create(query.get("redirect_uri"));
        return browser.get(callback.getRawPath() + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }
}
