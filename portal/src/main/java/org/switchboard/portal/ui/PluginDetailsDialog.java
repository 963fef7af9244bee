package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.plugin.PluginStatus;

/** Everything about one plugin: manifest, state and failure with its stack trace, hash, signature, what uses it. */
class PluginDetailsDialog extends Dialog {

    final Span state = new Span();
    final Pre stackTrace = new Pre();

    PluginDetailsDialog(PluginStatus plugin, List<ChannelAccountView> accounts) {
        setHeaderTitle(plugin.id() + " " + plugin.version());
        setWidth("min(60rem, 95vw)");
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        state.setId("plugin-details-state");
        state.setText(plugin.state() + (plugin.problem() == null ? "" : " — " + plugin.problem()));
        facts.addFormItem(new Span(plugin.description()), "Description");
        facts.addFormItem(state, "State");
        facts.addFormItem(new Span(plugin.provider()), "Provider");
        facts.addFormItem(new Span(plugin.license()), "License");
        facts.addFormItem(new Span(plugin.requires()), "Plugin-Requires");
        facts.addFormItem(new Span(plugin.dependencies().isEmpty() ? "none" : plugin.dependencies()),
                "Needs plugins");
        facts.addFormItem(new Span(plugin.file()), "File");
        Span sha = new Span(plugin.sha256());
        sha.setId("plugin-details-sha256");
        sha.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        facts.addFormItem(sha, "SHA-256");
        Span signature = new Span(plugin.signature().summary());
        signature.setId("plugin-details-signature");
        if (plugin.signature().warning()) {
            signature.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        facts.addFormItem(signature, "Signature");
        facts.addFormItem(list(plugin.extensions()), "Extensions");
        facts.addFormItem(list(plugin.connectors()), "Channel connectors");
        facts.addFormItem(list(accounts.stream().map(a -> a.name() + " (" + a.connectorId() + ", "
                + (a.enabled() ? "enabled" : "disabled") + ")").toList()), "Channel accounts using it");
        facts.addFormItem(list(plugin.models()), "AI models");
        add(facts);
        if (plugin.stackTrace() != null) {
            stackTrace.setId("plugin-details-stack-trace");
            stackTrace.setText(plugin.stackTrace());
            stackTrace.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("max-height", "20rem")
                    .set("overflow", "auto");
            add(new Details("Stack trace", stackTrace));
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    private static Component list(List<String> items) {
        return new Span(items.isEmpty() ? "none" : String.join(", ", items));
    }
}
