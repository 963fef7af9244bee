package org.switchboard.portal.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.plugin.PluginStatus;

/** Admins: which plugins are loaded and why any is not running; the channel accounts and their webhook URLs. */
@Route("admin/plugins")
@PageTitle("Plugins · Switchboard")
@RolesAllowed("ADMIN")
public class PluginsView extends VerticalLayout {

    final Grid<PluginStatus> plugins = new Grid<>();
    final Grid<ChannelAccountView> accounts = new Grid<>();

    PluginsView(PluginHost host, ChannelAccounts channelAccounts, PublicUrlProperties urls) {
        setSizeFull();
        plugins.setId("plugins-grid");
        plugins.addColumn(PluginStatus::id).setHeader("Plugin").setAutoWidth(true);
        plugins.addColumn(PluginStatus::version).setHeader("Version").setAutoWidth(true);
        plugins.addColumn(PluginStatus::state).setHeader("State").setAutoWidth(true);
        plugins.addColumn(PluginStatus::requires).setHeader("Requires API").setAutoWidth(true);
        plugins.addColumn(s -> s.problem() == null ? "" : s.problem()).setHeader("Problem").setFlexGrow(1);
        plugins.addColumn(PluginStatus::file).setHeader("File").setAutoWidth(true);
        plugins.setItems(host.statuses());
        plugins.setAllRowsVisible(true);

        accounts.setId("channel-accounts-grid");
        accounts.addColumn(ChannelAccountView::name).setHeader("Channel account").setAutoWidth(true);
        accounts.addColumn(ChannelAccountView::connectorId).setHeader("Connector").setAutoWidth(true);
        accounts.addColumn(a -> a.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        accounts.addColumn(a -> urls.webhookUrl(a.id()).toString()).setHeader("Webhook URL").setFlexGrow(1);
        accounts.setItems(channelAccounts.list());
        accounts.setAllRowsVisible(true);

        add(new H3("Plugins"), plugins, new H3("Channel accounts"), accounts);
    }
}
