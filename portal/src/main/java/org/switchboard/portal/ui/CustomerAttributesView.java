package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.switchboard.portal.customer.AttributeDefinition;
import org.switchboard.portal.customer.AttributeType;
import org.switchboard.portal.customer.CustomerException;
import org.switchboard.portal.customer.CustomerProfiles;

/** Admins define the custom fields every customer record has (plan, account number, birthday...). */
@Route("admin/customer-attributes")
@PageTitle("Customer attributes · Switchboard")
@RolesAllowed("ADMIN")
public class CustomerAttributesView extends VerticalLayout {

    final Grid<AttributeDefinition> attributes = new Grid<>();
    final TextField key = new TextField("Key");
    final TextField label = new TextField("Label");
    final ComboBox<AttributeType> type = new ComboBox<>("Type");
    final TextField options = new TextField("Options (for select, comma-separated)");
    final Button define = new Button("Add attribute");
    private final CustomerProfiles profiles;

    CustomerAttributesView(CustomerProfiles profiles) {
        this.profiles = profiles;
        attributes.setId("customer-attribute-definitions");
        attributes.addColumn(AttributeDefinition::key).setHeader("Key").setAutoWidth(true);
        attributes.addColumn(AttributeDefinition::label).setHeader("Label").setAutoWidth(true);
        attributes.addColumn(a -> a.type().name().toLowerCase()).setHeader("Type").setAutoWidth(true);
        attributes.addColumn(a -> String.join(", ", a.options())).setHeader("Options").setFlexGrow(1);
        attributes.setAllRowsVisible(true);
        type.setItems(AttributeType.values());
        type.setValue(AttributeType.TEXT);
        key.setPlaceholder("plan");
        define.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        define.addClickListener(e -> {
            try {
                List<String> choices = options.getValue().isBlank() ? List.of()
                        : Arrays.stream(options.getValue().split(",")).map(String::strip).toList();
                profiles.defineAttribute(key.getValue(), label.getValue(), type.getValue(), choices);
                key.clear();
                label.clear();
                options.clear();
                refresh();
            } catch (CustomerException | IllegalArgumentException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        refresh();
        HorizontalLayout form = new HorizontalLayout(key, label, type, options, define);
        form.setAlignItems(Alignment.BASELINE);
        add(new H3("Customer attributes"), attributes, form);
    }

    private void refresh() {
        attributes.setItems(profiles.attributeDefinitions());
    }
}
