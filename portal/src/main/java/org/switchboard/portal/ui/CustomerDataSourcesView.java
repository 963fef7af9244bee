package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.switchboard.plugin.api.customer.CustomerDataProvider;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.customerdata.DataSourceView;

/** Admins configure where customer data (orders, subscriptions) comes from, with forms from each provider. */
@Route("admin/customer-data")
@PageTitle("Customer data sources · Switchboard")
@RolesAllowed("ADMIN")
public class CustomerDataSourcesView extends VerticalLayout {

    final Grid<DataSourceView> sources = new Grid<>();
    final Button create = new Button("New data source", VaadinIcon.PLUS.create());
    private final CustomerDataSources dataSources;
    ComboBox<CustomerDataProvider> providerChoice;
    ExtensionConfigForm openForm;
    Button openSave;

    CustomerDataSourcesView(CustomerDataSources dataSources) {
        this.dataSources = dataSources;
        setSizeFull();
        create.setId("new-data-source");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        sources.setId("data-sources");
        sources.addColumn(DataSourceView::name).setHeader("Name").setAutoWidth(true);
        sources.addColumn(DataSourceView::providerId).setHeader("Provider").setAutoWidth(true);
        sources.addColumn(s -> s.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        sources.addComponentColumn(s -> new HorizontalLayout(
                new Button("Edit", e -> openEdit(s)),
                new Button(s.enabled() ? "Disable" : "Enable", e -> {
                    dataSources.setEnabled(s.id(), !s.enabled());
                    refresh();
                }))).setAutoWidth(true);
        sources.setAllRowsVisible(true);
        refresh();
        add(new HorizontalLayout(new H3("Customer data sources"), create), sources);
    }

    private void refresh() {
        sources.setItems(dataSources.list());
    }

    private void openCreate() {
        Dialog dialog = dialog("New data source");
        ComboBox<CustomerDataProvider> provider = new ComboBox<>("Provider");
        provider.setItems(dataSources.providers());
        provider.setItemLabelGenerator(p -> p.name() + " (" + p.id() + ")");
        providerChoice = provider;
        VerticalLayout body = new VerticalLayout(provider);
        provider.addValueChangeListener(e -> {
            body.removeAll();
            body.add(provider);
            if (e.getValue() == null) {
                return;
            }
            String providerId = e.getValue().id();
            ExtensionConfigForm form = new ExtensionConfigForm(dataSources.schema(providerId), e.getValue().name(),
                    Map.of(), false);
            openForm = form;
            openSave = save(() -> dataSources.create(form.name.getValue(), providerId, form.values()), form, dialog);
            body.add(form, openSave);
        });
        dialog.add(body);
        dialog.open();
    }

    private void openEdit(DataSourceView source) {
        Dialog dialog = dialog("Edit " + source.name());
        ExtensionConfigForm form = new ExtensionConfigForm(dataSources.schema(source.providerId()), source.name(),
                source.config(), true);
        openForm = form;
        openSave = save(() -> dataSources.update(source.id(), form.name.getValue(), form.values()), form, dialog);
        dialog.add(new VerticalLayout(form, openSave));
        dialog.open();
    }

    private Button save(Runnable action, ExtensionConfigForm form, Dialog dialog) {
        return form.saveButton(action, () -> {
            dialog.close();
            refresh();
        });
    }

    private static Dialog dialog(String title) {
        return ExtensionConfigForm.dialog(title);
    }
}
