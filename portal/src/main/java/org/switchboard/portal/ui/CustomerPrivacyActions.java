package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.io.ByteArrayInputStream;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.privacy.CustomerDataExport;
import org.switchboard.portal.privacy.CustomerErasure;

/**
 * GDPR for admins: download everything held about the customer, or erase it. The role is checked again on the
 * server when the action runs, not only when the buttons are shown.
 */
class CustomerPrivacyActions extends HorizontalLayout {

    final Anchor export = new Anchor();
    final Button erase = new Button("Erase customer…");
    private final CustomerDataExport exporter;
    private final CustomerErasure erasure;
    private final Runnable erased;
    private long customerId;

    CustomerPrivacyActions(CustomerDataExport exporter, CustomerErasure erasure, Runnable erased) {
        this.exporter = exporter;
        this.erasure = erasure;
        this.erased = erased;
        export.setId("customer-export");
        export.setText("Export all data (ZIP)");
        erase.setId("customer-erase");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        erase.addClickListener(e -> confirmErase());
        add(export, erase);
    }

    void show(long id) {
        customerId = id;
        boolean admin = isAdmin();
        setVisible(admin);
        if (admin) {
            export.setHref(DownloadHandler.fromInputStream(event -> {
                if (!isAdmin()) {
                    return DownloadResponse.error(403);
                }
                byte[] zip = exporter.export(customerId);
                return new DownloadResponse(new ByteArrayInputStream(zip), "customer-" + customerId + ".zip",
                        CustomerDataExport.CONTENT_TYPE, zip.length);
            }));
        }
    }

    private void confirmErase() {
        ConfirmDialog dialog = new ConfirmDialog("Erase this customer?", "Every message, attachment, identity, note"
                + " and search entry of this customer is deleted for good. Only an audit entry without personal data"
                + " remains.", "Erase", e -> eraseNow());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void eraseNow() {
        if (!isAdmin()) {
            throw new AccessDeniedException("only admins erase customers");
        }
        erasure.erase(customerId);
        Notification.show("Customer erased");
        erased.run();
    }

    private static boolean isAdmin() {
        return new AuthenticationContext().hasRole("ADMIN");
    }
}
