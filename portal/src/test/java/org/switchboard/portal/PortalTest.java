package org.switchboard.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Marks a test that runs the whole portal on a random port against a real embedded MariaDB, with the first-party
 * plugins from the portal's own bundle. Tests sharing this setup share one application context (and database), so
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

        public static void register(DynamicPropertyRegistry registry) {
            TestData data = TestData.newDirectory();
            registry.add("switchboard.data-directory", () -> data.root().toString());
            registry.add("switchboard.plugins.directory", () -> data.root().resolve("plugins").toString());
            registry.add("switchboard.bootstrap.admin-email", () -> TestData.ADMIN_EMAIL);
            registry.add("switchboard.bootstrap.admin-password", () -> TestData.ADMIN_PASSWORD);
        }
    }

    /** Base class wiring {@link Properties} for tests that need nothing else. */
    abstract class Base {

        @DynamicPropertySource
        static void portalProperties(DynamicPropertyRegistry registry) {
            Properties.register(registry);
        }
    }
}
