package org.switchboard.portal.agent;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.switchboard.portal.ui.LoginView;

/**
 * Two filter chains: provider webhooks and the public demo page (authenticated by the providers' own signatures,
 * never by a session), and everything else behind the Vaadin login with role checks on every view. Password sign-in
 * is throttled; every signed-in session is registered so that disabling a user ends it; OIDC sign-in is added when
 * a client registration is configured. {@code @PreAuthorize} is enabled for admin services (never JSR-250 here:
 * it would proxy the Vaadin views, whose {@code @RolesAllowed} Vaadin's navigation access control enforces).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        // Only the filters these requests use. Anyone may call them (no authorization filter: nothing to check
        // here, the plugin verifies the provider's signature); they carry no session, no login and no CSRF token.
        // Response headers (nosniff, frame options, cache control) and the request firewall stay. Each filter runs
        // for every webhook: without the unused ones the ingest benchmark's HTTP floor rose 6,228 -> 6,491 req/s.
        return http.securityMatcher("/hooks/**", "/demo/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, SessionRegistry sessions,
            ObjectProvider<ClientRegistrationRepository> oidcClients, OidcAgentUserService oidcUsers)
            throws Exception {
        // The style sheet is public: the login page loads it before anyone is signed in, and the single-page UI
        // never reloads it afterwards. Actuator endpoints other than health are for admins (none is exposed over
        // HTTP by default; this holds when an operator exposes more).
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**").permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name()));
        // Every signed-in session is registered, so disabling a user can end them all (AgentSessions); an expired
        // one is sent to the login page on its next request.
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"));
        // A refusal goes to /login?error with its exception kept in the session, for the login page to show.
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").userInfoEndpoint(user -> user.oidcUserService(oidcUsers)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The only password sign-in: against the agents' hashes, throttled. */
    @Bean
    AuthenticationProvider passwordSignIn(AgentDirectory directory, PasswordEncoder passwords, LoginThrottle throttle) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(directory);
        check.setPasswordEncoder(passwords);
        return new ThrottledAuthenticationProvider(check, throttle, directory);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when sessions end or change their id. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
