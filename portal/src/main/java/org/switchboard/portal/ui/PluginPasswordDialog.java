package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.plugin.PluginRefusedException;

/**
 * Asks the admin to re-enter their password before a plugin's code is let run (enable, upgrade): a session left
 * open on a desk must not be enough to run arbitrary code with the portal's rights.
 */
class PluginPasswordDialog extends Dialog {

    /** What the confirmed action does with the password and the "not newer" confirmation. */
    interface Action {
        void run(String password, boolean confirmedNotNewer);
    }

    final PasswordField password = new PasswordField("Your password");
    final Checkbox notNewer = new Checkbox("Install it anyway, although it is not newer than the installed version");
    final Button confirm;

    PluginPasswordDialog(String title, String explanation, boolean askNotNewer, Action action, Runnable done) {
        setHeaderTitle(title);
        password.setId("plugin-password");
        password.setWidthFull();
        notNewer.setId("plugin-not-newer");
        notNewer.setVisible(askNotNewer);
        confirm = new Button(title, e -> {
            try {
                action.run(password.getValue(), notNewer.getValue());
                close();
                done.run();
            } catch (PluginRefusedException | AccessDeniedException refused) {
                password.clear();
                Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("plugin-password-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        add(new VerticalLayout(new Paragraph(explanation), password, notNewer));
        getFooter().add(cancel, confirm);
    }
}
