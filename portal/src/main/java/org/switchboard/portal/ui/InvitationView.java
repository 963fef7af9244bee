package org.switchboard.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.switchboard.portal.agent.AgentException;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Invitations;
import org.switchboard.portal.agent.PasswordPolicy;

/**
 * Where an invited agent's emailed link leads: they choose their password, then sign in. Open to anyone: the
 * link's token is the credential (single use, expiring, stored hashed).
 */
@Route(value = "invitation", autoLayout = false)
@PageTitle("Welcome · Switchboard")
@AnonymousAllowed
public class InvitationView extends VerticalLayout implements HasUrlParameter<String> {

    final Paragraph intro = new Paragraph();
    final PasswordField password = new PasswordField("Your password");
    final PasswordField repeat = new PasswordField("Your password again");
    final Button save = new Button("Set password");

    private final Invitations invitations;
    private String token;

    InvitationView(Invitations invitations, PasswordPolicy policy) {
        this.invitations = invitations;
        setMaxWidth("28em");
        getStyle().set("margin", "3em auto");
        setAlignItems(FlexComponent.Alignment.STRETCH);
        password.setId("invitation-password");
        password.setHelperText("At least " + policy.minLength() + " characters; not your email or name, not a "
                + "common password. A few words make a good one.");
        repeat.setId("invitation-repeat");
        save.setId("invitation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> accept());
        add(new H2("Welcome to Switchboard"), intro, password, repeat, save);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        token = parameter;
        AgentView agent = invitations.find(token).orElse(null);
        boolean usable = agent != null;
        intro.setText(usable ? "Hello " + agent.displayName() + ", choose the password for " + agent.email() + "."
                : "This invitation link has expired or was already used. Ask an admin for a new one.");
        password.setVisible(usable);
        repeat.setVisible(usable);
        save.setVisible(usable);
    }

    private void accept() {
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setInvalid(true);
            repeat.setErrorMessage("The two passwords differ");
            return;
        }
        try {
            invitations.accept(token, password.getValue());
            Notification.show("Password set. Sign in with your email and the new password.");
            UI.getCurrent().navigate(LoginView.class);
        } catch (AgentException problem) {
            password.setInvalid(true);
            password.setErrorMessage(problem.getMessage());
        }
    }
}
