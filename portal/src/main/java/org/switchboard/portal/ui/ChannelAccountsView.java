package org.switchboard.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channel.health.AccountHealth;
import org.switchboard.portal.channel.health.ChannelHealth;
import org.switchboard.portal.plugin.PluginHost;

/**
 * Admins create and edit channel accounts with forms generated from each connector's schema; each account shows
 * the webhook URL to paste into the provider's console.
 */
@Route("admin/channels")
@PageTitle("Channel accounts · Switchboard")
@RolesAllowed("ADMIN")
public class ChannelAccountsView extends VerticalLayout {

    final Grid<ChannelAccountView> accounts = new Grid<>();
    final Button create = new Button("New channel account", VaadinIcon.PLUS.create());
    private final ChannelAccounts channelAccounts;
    private final PluginHost plugins;
    private final PublicUrlProperties urls;
    private final AuditLog audit;
    Dialog openDialog;
    ComboBox<ChannelConnector> connectorChoice;
    ExtensionConfigForm openForm;
    Button openSave;

    private final ChannelHealth health;
    private Map<String, AccountHealth> healthNow = Map.of();
    ChannelHealthDialog openHealth;

    ChannelAccountsView(ChannelAccounts channelAccounts, PluginHost plugins, PublicUrlProperties urls,
            AuditLog audit, ChannelHealth health) {
        this.health = health;
        this.channelAccounts = channelAccounts;
        this.plugins = plugins;
        this.urls = urls;
        this.audit = audit;
        setSizeFull();
        create.setId("new-channel-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());

        accounts.setId("channel-accounts");
        accounts.addColumn(ChannelAccountView::name).setHeader("Name").setAutoWidth(true);
        accounts.addColumn(ChannelAccountView::connectorId).setHeader("Connector").setAutoWidth(true);
        accounts.addColumn(a -> a.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        accounts.addColumn(a -> healthNow.containsKey(a.id()) ? healthNow.get(a.id()).summary() : "")
                .setHeader("Health").setAutoWidth(true);
        accounts.addComponentColumn(this::webhookCell).setHeader("Webhook URL (paste at the provider)")
                .setFlexGrow(1);
        accounts.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        accounts.setAllRowsVisible(true);
        refresh();
        add(new HorizontalLayout(new H3("Channel accounts"), create), accounts);
    }

    private void refresh() {
        List<ChannelAccountView> all = channelAccounts.list();
        healthNow = health.of(all.stream().map(ChannelAccountView::id).toList());
        accounts.setItems(all);
    }

    private HorizontalLayout webhookCell(ChannelAccountView account) {
        String url = urls.webhookUrl(account.id()).toString();
        Span text = new Span(url);
        text.addClassName("webhook-url");
        Button copy = new Button(VaadinIcon.COPY.create(), e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url);
            Notification.show("Webhook URL copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel("Copy webhook URL");
        return new HorizontalLayout(text, copy);
    }

    private HorizontalLayout actions(ChannelAccountView account) {
        Button edit = new Button("Edit", e -> openEdit(account));
        edit.setId("edit-" + account.id());
        Button toggle = new Button(account.enabled() ? "Disable" : "Enable", e -> {
            channelAccounts.setEnabled(account.id(), !account.enabled());
            audit.record(account.enabled() ? AuditLog.CHANNEL_ACCOUNT_DISABLED : AuditLog.CHANNEL_ACCOUNT_ENABLED,
                    "channel-account:" + account.id(), account.name());
            refresh();
        });
        toggle.setId("toggle-" + account.id());
        Button healthButton = new Button("Health", e -> showHealth(account));
        healthButton.setId("health-" + account.id());
        return new HorizontalLayout(edit, toggle, healthButton);
    }

    void showHealth(ChannelAccountView account) {
        openHealth = new ChannelHealthDialog(account, health);
        openHealth.open();
    }

    private void openCreate() {
        List<ChannelConnector> connectors = plugins.extensions(ChannelConnector.class).stream()
                .map(c -> c.extension()).toList();
        ComboBox<ChannelConnector> connector = new ComboBox<>("Channel");
        connector.setId("connector");
        connector.setItems(connectors);
        connector.setItemLabelGenerator(c -> c.descriptor().name() + " (" + c.descriptor().id() + ")");
        Dialog dialog = dialog("New channel account");
        connectorChoice = connector;
        VerticalLayout body = new VerticalLayout(connector);
        dialog.add(body);
        connector.addValueChangeListener(e -> {
            body.removeAll();
            body.add(connector);
            if (e.getValue() == null) {
                return;
            }
            String connectorId = e.getValue().descriptor().id();
            ExtensionConfigForm form = new ExtensionConfigForm(channelAccounts.schema(connectorId),
                    e.getValue().descriptor().name(), Map.of(), false);
            Button save = saveButton(() -> {
                ChannelAccountView created = channelAccounts.create(form.name.getValue(), connectorId, form.values());
                audit.record(AuditLog.CHANNEL_ACCOUNT_CREATED, "channel-account:" + created.id(),
                        created.name() + " (" + connectorId + ")");
            }, form, dialog);
            openForm = form;
            openSave = save;
            body.add(form, save);
        });
        dialog.open();
    }

    void openEdit(ChannelAccountView account) {
        Dialog dialog = dialog("Edit " + account.name());
        ExtensionConfigForm form = new ExtensionConfigForm(channelAccounts.schema(account.connectorId()), account.name(),
                account.config(), true);
        Button save = saveButton(() -> {
            channelAccounts.update(account.id(), form.name.getValue(), form.values());
            // Which keys changed is audited, never the values: secrets must not reach the audit log.
            audit.record(AuditLog.CHANNEL_ACCOUNT_UPDATED, "channel-account:" + account.id(), account.name());
        }, form, dialog);
        openForm = form;
        openSave = save;
        dialog.add(new VerticalLayout(form, save));
        dialog.open();
    }

    private Button saveButton(Runnable action, ExtensionConfigForm form, Dialog dialog) {
        Button save = form.saveButton(action, () -> {
            dialog.close();
            refresh();
            Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.setId("save-channel-account");
        return save;
    }

    private Dialog dialog(String title) {
        openDialog = ExtensionConfigForm.dialog(title);
        return openDialog;
    }
}
