package org.switchboard.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Marks a test that runs the whole portal on a random port against a real MariaDB (a database of its own on the
 * suite's shared server, see {@link SharedTestDatabaseServer}), with the first-party plugins from the portal's own
 * bundle. Tests sharing this setup share one application context (and database), so
 * they must not assume an empty database: each creates the customers and accounts it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface PortalTest {

    /** The properties every portal test context gets; each context has its own data directory. */
    final class Properties {

        private Properties() {
        }

        /** The common properties, with a database of its own on the suite's shared MariaDB server. */
        public static void register(DynamicPropertyRegistry registry) {
            registerWithOwnDatabaseServer(registry);
            String url = SharedTestDatabaseServer.newDatabaseUrl();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> "root");
            registry.add("spring.datasource.password", () -> "");
            // Up to 32 cached contexts share the server: keep idle connections few; busy pools still grow to 20.
            registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
        }

        /**
         * The common properties without a datasource, so the portal starts its embedded default: a MariaDB server
         * of its own, for tests that stop, restart or inspect that server.
         */
        public static void registerWithOwnDatabaseServer(DynamicPropertyRegistry registry) {
            TestData data = TestData.newDirectory();
            registry.add("switchboard.data-directory", () -> data.root().toString());
            registry.add("switchboard.plugins.directory", () -> data.root().resolve("plugins").toString());
            registry.add("switchboard.bootstrap.admin-email", () -> TestData.ADMIN_EMAIL);
            registry.add("switchboard.bootstrap.admin-password", () -> TestData.ADMIN_PASSWORD);
            // The catch-ups for lost triggers run when a test calls them, not in the middle of another test's checks.
            registry.add("switchboard.automation.catch-up-delay", () -> "24h");
            registry.add("switchboard.csat.catch-up-delay", () -> "24h");
        }
    }

    /** Base class wiring {@link Properties} for tests that need nothing else. */
    abstract class Base {

        @org.springframework.beans.factory.annotation.Autowired
        private org.springframework.security.core.context.SecurityContextHolderStrategy securityContexts;

        @DynamicPropertySource
        static void portalProperties(DynamicPropertyRegistry registry) {
            Properties.register(registry);
        }

        /*
         * @WithMockUser puts its user into this context's security-context strategy bean. Every Vaadin application
         * context installs its own strategy as the static one, so once a later context has started (the full suite),
         * SecurityContextHolder, which the services' role checks read, would not see the user. Share it for the test.
         */
        @org.junit.jupiter.api.BeforeEach
        void shareMockUser(org.junit.jupiter.api.TestInfo test) {
            // A test without a mock user runs as the system (nobody signed in), not as the stale user an earlier
            // test class left in TestSecurityContextHolder's fallback.
            if (test.getTestMethod().filter(Base::mocksUser).isEmpty() && test.getTestClass().filter(Base::mocksUser)
                    .isEmpty()) {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
                return;
            }
            var context = securityContexts.getContext().getAuthentication() != null ? securityContexts.getContext()
                    : org.springframework.security.test.context.TestSecurityContextHolder.getContext();
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        }

        private static boolean mocksUser(java.lang.reflect.AnnotatedElement element) {
            return org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(element,
                    org.springframework.security.test.context.support.WithSecurityContext.class);
        }

        @org.junit.jupiter.api.AfterEach
        void forgetMockUser() {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
