package org.switchboard.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;

@PortalTest
class AgentDirectoryTest extends PortalTest.Base {

    @Autowired
    AgentDirectory directory;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void the_first_admin_has_the_configured_password_hashed_and_all_roles() {
        var admin = directory.loadUserByUsername(TestData.ADMIN_EMAIL);

        assertThat(admin.getPassword()).doesNotContain(TestData.ADMIN_PASSWORD);
        assertThat(passwords.matches(TestData.ADMIN_PASSWORD, admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_SUPERVISOR", "ROLE_AGENT");
    }

    @Test
    void an_agent_has_only_the_agent_role() {
        String email = "agent-" + UUID.randomUUID() + "@example.test";
        directory.create(email, "Alex Agent", "a-long-enough-password", Set.of(Role.AGENT));

        assertThat(directory.loadUserByUsername(email.toUpperCase()).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_AGENT");
    }

    @Test
    void a_password_change_needs_the_current_password_and_a_long_new_one() {
        String email = "pw-" + UUID.randomUUID() + "@example.test";
        directory.create(email, "Pat Password", "first-password-123", Set.of(Role.AGENT));

        assertThatThrownBy(() -> directory.changePassword(email, "wrong", "second-password-456"))
                .hasMessageContaining("current password");
        assertThatThrownBy(() -> directory.changePassword(email, "first-password-123", "short"))
                .hasMessageContaining("12 characters");
        assertThatThrownBy(() -> directory.create("x" + email, "X", "short", Set.of(Role.AGENT)))
                .hasMessageContaining("12 characters");

        directory.changePassword(email, "first-password-123", "second-password-456");
        assertThat(passwords.matches("second-password-456",
                directory.loadUserByUsername(email).getPassword())).isTrue();
        assertThat(directory.findByEmail(email).orElseThrow().passwordChangeRequired()).isFalse();
    }
}
