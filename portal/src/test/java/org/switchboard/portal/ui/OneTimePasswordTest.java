package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;

/** A user signed in with a one-time password is sent to change it before any other view opens. */
@PortalTest
@WithMockUser(username = OneTimePasswordTest.EMAIL, roles = "AGENT")
class OneTimePasswordTest extends SpringBrowserlessTest {

    static final String EMAIL = "new.agent@example.test";
    private static String oneTimePassword;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @BeforeAll
    static void newAgent(@Autowired AgentDirectory directory) {
        oneTimePassword = directory.createWithOneTimePassword(EMAIL, "New Agent", Set.of(Role.AGENT));
    }

    @Autowired
    AgentDirectory directory;

    @Test
    void the_inbox_waits_until_the_one_time_password_is_changed() {
        assertThatThrownBy(() -> navigate(InboxView.class))
                .hasMessageContaining("resulted in unexpected class " + ChangePasswordView.class.getName());
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);

        ChangePasswordView view = (ChangePasswordView) getCurrentView();
        test(view.current).setValue(oneTimePassword);
        test(view.next).setValue("my-own-long-password");
        test(view.repeat).setValue("my-own-long-password");
        test(view.save).click();

        assertThat(directory.findByEmail(EMAIL).orElseThrow().passwordChangeRequired()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(InboxView.class);
    }
}
