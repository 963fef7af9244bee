package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.health.AccountHealth;
import org.switchboard.portal.channel.health.ChannelHealth;
import org.switchboard.portal.channel.health.TestMessageResult;

/** One channel account's health in detail, and a test message sent through it. */
class ChannelHealthDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    final Span lastInbound = new Span();
    final Span lastOutbound = new Span();
    final Span errorRate = new Span();
    final Span check = new Span();
    final TextField address = new TextField("Send to");
    final TextField text = new TextField("Text");
    final Button send = new Button("Send test message");
    final Span result = new Span();

    ChannelHealthDialog(ChannelAccountView account, ChannelHealth health) {
        setHeaderTitle("Health of " + account.name());
        setWidth("min(40rem, 95vw)");
        lastInbound.setId("health-last-inbound");
        lastOutbound.setId("health-last-outbound");
        errorRate.setId("health-error-rate");
        check.setId("health-check");
        show(health.of(account.id()));
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        facts.addFormItem(lastInbound, "Last inbound");
        facts.addFormItem(lastOutbound, "Last outbound");
        facts.addFormItem(errorRate, "Error rate (" + ChannelHealth.WINDOW.toHours() + " h)");
        facts.addFormItem(check, "Connector check");

        address.setId("test-message-address");
        address.setHelperText("An address of this channel's kind (email address, phone number, chat id...)");
        address.setWidthFull();
        text.setId("test-message-text");
        text.setValue("Test message from Switchboard");
        text.setWidthFull();
        send.setId("send-test-message");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("test-message-result");
        send.addClickListener(e -> {
            TestMessageResult outcome = health.sendTestMessage(account.id(), address.getValue(), text.getValue());
            result.setText(outcome.summary());
            result.getStyle().set("color", outcome.sent() ? "var(--lumo-success-text-color)"
                    : "var(--lumo-error-text-color)");
            show(health.of(account.id()));
        });
        add(new VerticalLayout(facts, new H4("Send a test message"), address, text, send, result));
        getFooter().add(new Button("Close", e -> close()));
    }

    private void show(AccountHealth health) {
        lastInbound.setText(time(health.lastInbound()));
        lastOutbound.setText(time(health.lastOutbound()));
        errorRate.setText(health.outbound() == 0 ? "no replies finished"
                : Math.round(health.errorRate() * 100) + " % (" + health.failed() + " of " + health.outbound()
                + " failed)");
        check.setText(health.check().status() + (health.check().detail().isEmpty() ? ""
                : ": " + health.check().detail()));
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }
}
