package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.plugin.PluginAdministration;
import org.switchboard.portal.plugin.PluginRefusedException;
import org.switchboard.portal.plugin.PluginStatus;
import org.switchboard.portal.plugin.StagedPlugin;
import org.switchboard.portal.plugin.UnknownPluginException;

/**
 * Admins: the installed plugins with state, hash and signature; upload to install (disabled) or upgrade; enable
 * (with their password), disable, stop, start, uninstall — all while the portal runs.
 */
@Route("admin/plugins")
@PageTitle("Plugins · Switchboard")
@RolesAllowed("ADMIN")
public class PluginsView extends VerticalLayout {

    final Grid<PluginStatus> plugins = new Grid<>();
    final Upload upload;
    final Span uploadResult = new Span();
    private final PluginAdministration administration;
    private final ChannelAccounts channelAccounts;
    PluginPasswordDialog openPasswordDialog;
    PluginDetailsDialog openDetails;
    ConfirmDialog openConfirm;

    PluginsView(PluginAdministration administration, ChannelAccounts channelAccounts) {
        this.administration = administration;
        this.channelAccounts = channelAccounts;
        setSizeFull();
        plugins.setId("plugins-grid");
        plugins.addColumn(PluginStatus::id).setHeader("Plugin").setAutoWidth(true);
        plugins.addColumn(PluginStatus::version).setHeader("Version").setAutoWidth(true);
        plugins.addColumn(PluginStatus::provider).setHeader("Provider").setAutoWidth(true);
        plugins.addColumn(s -> s.state() + (s.problem() == null ? "" : ": " + s.problem())).setHeader("State")
                .setFlexGrow(1);
        plugins.addComponentColumn(PluginsView::signatureCell).setHeader("Signature").setAutoWidth(true);
        plugins.addColumn(s -> s.sha256().isEmpty() ? "" : s.sha256().substring(0, 12) + "…").setHeader("SHA-256")
                .setAutoWidth(true);
        plugins.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        plugins.setAllRowsVisible(true);

        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                received(metadata.fileName(), in);
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        }));
        upload.setId("plugin-upload");
        upload.setAcceptedFileTypes(".jar", "application/java-archive");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, administration.maxUploadBytes()));
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button("Upload plugin JAR"));
        upload.addFileRejectedListener(e -> error(e.getFileName() + ": " + e.getErrorMessage()));
        uploadResult.setId("plugin-upload-result");

        Paragraph trust = new Paragraph("Plugins run inside the portal with its full rights: install only plugins "
                + "from publishers you trust. Uploaded plugins are installed disabled; enabling one asks for your "
                + "password. Signature checking: " + administration.signatureMode().name().toLowerCase() + ".");
        refresh();
        add(new H3("Plugins"), trust, new HorizontalLayout(upload, uploadResult), plugins);
    }

    void refresh() {
        plugins.setItems(administration.plugins());
    }

    /** An uploaded JAR: installed disabled when new, or offered as an upgrade of the installed version. */
    void received(String fileName, InputStream content) {
        StagedPlugin staged;
        try {
            staged = administration.stage(fileName, content);
        } catch (PluginRefusedException | AccessDeniedException refused) {
            error(refused.getMessage());
            return;
        }
        var candidate = staged.candidate();
        if (!candidate.upgrade()) {
            act(() -> administration.install(staged), "Installed " + candidate.id() + " " + candidate.version()
                    + " (disabled: enable it to run it)");
            return;
        }
        String explanation = "Replace " + candidate.id() + " " + candidate.installedVersion() + " with "
                + candidate.version() + "? Its open channel connections are closed and reopened on the new version;"
                + " replies waiting meanwhile stay queued. Signature: " + candidate.signature().summary() + ".";
        boolean[] done = {false};
        openPasswordDialog = new PluginPasswordDialog("Upgrade", explanation, candidate.notNewer(),
                (password, notNewer) -> administration.upgrade(staged, password, notNewer), () -> {
                    done[0] = true;
                    success("Upgraded " + candidate.id() + " to " + candidate.version());
                });
        openPasswordDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && !done[0]) {
                administration.discard(staged);
            }
        });
        openPasswordDialog.open();
    }

    private HorizontalLayout actions(PluginStatus plugin) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.add(button("Details", plugin, "details", () -> showDetails(plugin)));
        if (!plugin.loadFailed()) {
            if (plugin.disabled()) {
                buttons.add(button("Enable…", plugin, "enable", () -> askEnable(plugin)));
            } else if (plugin.running()) {
                buttons.add(button("Stop", plugin, "stop", () -> act(() -> administration.stop(plugin.id()),
                        "Stopped " + plugin.id())));
            } else {
                buttons.add(button("Start", plugin, "start", () -> act(() -> administration.start(plugin.id()),
                        "Started " + plugin.id())));
            }
            if (!plugin.disabled()) {
                buttons.add(button("Disable", plugin, "disable", () -> act(() -> administration.disable(plugin.id()),
                        "Disabled " + plugin.id())));
            }
        }
        Button uninstall = button("Uninstall", plugin, "uninstall", () -> askUninstall(plugin));
        uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR);
        buttons.add(uninstall);
        return buttons;
    }

    private static Button button(String label, PluginStatus plugin, String action, Runnable click) {
        Button button = new Button(label, e -> click.run());
        button.setId(action + "-" + plugin.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static Span signatureCell(PluginStatus plugin) {
        Span text = new Span(plugin.signature().summary());
        if (plugin.signature().warning()) {
            text.getStyle().set("color", "var(--lumo-error-text-color)");
            text.setTitle("This plugin is not signed by a trusted publisher");
        }
        return text;
    }

    void showDetails(PluginStatus plugin) {
        List<ChannelAccountView> using = plugin.connectors().stream()
                .flatMap(connector -> channelAccounts.listByConnector(connector).stream()).toList();
        openDetails = new PluginDetailsDialog(plugin, using);
        openDetails.open();
    }

    private void askEnable(PluginStatus plugin) {
        openPasswordDialog = new PluginPasswordDialog("Enable",
                "Enable " + plugin.id() + " " + plugin.version() + "? Its code then runs inside the portal with the"
                        + " portal's full rights. Signature: " + plugin.signature().summary() + ".", false,
                (password, ignored) -> administration.enable(plugin.id(), password),
                () -> success("Enabled " + plugin.id()));
        openPasswordDialog.open();
    }

    private void askUninstall(PluginStatus plugin) {
        openConfirm = new ConfirmDialog("Uninstall " + plugin.id() + "?", "Its JAR is deleted. Channel accounts "
                + "using it stay, but cannot receive or send until a plugin providing their connector is installed.",
                "Uninstall", e -> act(() -> administration.uninstall(plugin.id()), "Uninstalled " + plugin.id()));
        openConfirm.setCancelable(true);
        openConfirm.setConfirmButtonTheme("error primary");
        openConfirm.open();
    }

    private void act(Supplier<?> action, String message) {
        try {
            action.get();
            success(message);
        } catch (PluginRefusedException | AccessDeniedException | UnknownPluginException refused) {
            error(refused.getMessage());
            refresh();
        }
    }

    private void act(Runnable action, String message) {
        act(() -> {
            action.run();
            return null;
        }, message);
    }

    private void success(String message) {
        uploadResult.setText(message);
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void error(String message) {
        uploadResult.setText(message);
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

}
