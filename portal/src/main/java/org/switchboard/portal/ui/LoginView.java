package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.switchboard.portal.agent.TooManyAttemptsException;

/**
 * Sign-in page; Spring Security processes the form posted to /login. A "Sign in with ..." link per configured OIDC
 * provider. A refused sign-in says why only when that reveals nothing about the account: too many attempts, or the
 * OIDC provider's refusal; a wrong password and a disabled account read alike.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Switchboard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();
    final VerticalLayout providers = new VerticalLayout();

    public LoginView(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setId("login-form");
        providers.setPadding(false);
        providers.setAlignItems(FlexComponent.Alignment.CENTER);
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                Anchor link = new Anchor("oauth2/authorization/" + client.getRegistrationId(),
                        "Sign in with " + client.getClientName());
                // A full page load: Spring Security redirects to the provider, the Vaadin router must not handle it.
                link.setRouterIgnore(true);
                link.setId("oidc-" + client.getRegistrationId());
                providers.add(link);
            }
        }
        add(new H1("Switchboard"), login, providers);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        login.setError(error);
        if (error) {
            LoginI18n i18n = LoginI18n.createDefault();
            String reason = refusalReason();
            if (reason != null) {
                i18n.getErrorMessage().setTitle("Sign-in refused");
                i18n.getErrorMessage().setMessage(reason);
            }
            login.setI18n(i18n);
        }
    }

    /** What to tell the user about the last refusal, or {@code null} for the generic message. */
    private static String refusalReason() {
        VaadinSession session = VaadinSession.getCurrent();
        Object last = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (last instanceof TooManyAttemptsException tooMany) {
            return tooMany.getMessage();
        }
        if (last instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oidc
                && oidc.getError().getDescription() != null) {
            return oidc.getError().getDescription();
        }
        return null;
    }
}
