package org.switchboard.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.CurrentAgent;

/** Changing one's password; users signed in with a one-time password are sent here before anything else. */
@Route("account/password")
@PageTitle("Change password · Switchboard")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button save = new Button("Change password");

    ChangePasswordView(AgentDirectory directory, CurrentAgent currentAgent) {
        setMaxWidth("28em");
        var intro = new Paragraph(currentAgent.get().passwordChangeRequired()
                ? "You signed in with a one-time password. Choose your own password to continue."
                : "Choose a new password.");
        next.setHelperText("At least " + directory.policy().minLength() + " characters; not your email or name, "
                + "not a common password. A few words make a good one.");
        current.setId("password-current");
        next.setId("password-new");
        repeat.setId("password-repeat");
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two new passwords differ");
                return;
            }
            try {
                directory.changePassword(currentAgent.get().email(), current.getValue(), next.getValue());
                Notification.show("Password changed");
                UI.getCurrent().navigate(InboxView.class);
            } catch (IllegalArgumentException problem) {
                next.setInvalid(true);
                next.setErrorMessage(problem.getMessage());
            }
        });
        current.setWidthFull();
        next.setWidthFull();
        repeat.setWidthFull();
        add(new H2("Change password"), intro, current, next, repeat, save);
    }
}
