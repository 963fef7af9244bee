package org.switchboard.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.TrainingProgress;
import org.switchboard.plugin.api.ai.TrainingReport;
import org.switchboard.portal.ai.AiModelChoices;
import org.switchboard.portal.ai.ModelTraining;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.ai.TrainingCsv;

/**
 * Admins see the installed classifiers and retrain one from a CSV of (text, label): a progress bar while it
 * trains, then the candidate's held-out accuracy and F1, and only then "Activate".
 */
@Route("admin/ai-models")
@PageTitle("AI models · Switchboard")
@RolesAllowed("ADMIN")
public class AiModelsView extends VerticalLayout {

    final Grid<MessageClassifier> classifiers = new Grid<>();
    final ComboBox<MessageClassifier> target = new ComboBox<>("Classifier to retrain");
    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Span stage = new Span();
    final Div report = new Div();
    final Button activate = new Button("Activate this model");
    private final ModelTraining training;
    private List<LabelledText> uploaded = List.of();
    private TrainingReport candidate;

    final AiModelChoicesPanel choices;

    AiModelsView(ModelTraining training, AiModelChoices modelChoices, ChannelAccounts accounts) {
        this.training = training;
        this.choices = new AiModelChoicesPanel(modelChoices, accounts);
        classifiers.setId("ai-classifiers");
        classifiers.addColumn(MessageClassifier::id).setHeader("Classifier").setAutoWidth(true);
        classifiers.addColumn(c -> c.task().name().toLowerCase(Locale.ROOT)).setHeader("Task").setAutoWidth(true);
        classifiers.addColumn(c -> c.model().id() + " " + c.model().version()).setHeader("Active model")
                .setAutoWidth(true);
        classifiers.addColumn(c -> String.join(", ", c.labels())).setHeader("Labels").setFlexGrow(1);
        classifiers.setAllRowsVisible(true);
        target.setItemLabelGenerator(MessageClassifier::id);
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> received(bytes)));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(20 * 1024 * 1024);
        progress.setVisible(false);
        report.setId("training-report");
        activate.setId("activate-model");
        activate.setVisible(false);
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClickListener(e -> activate());
        refresh();
        add(new H3("AI models"), classifiers, new H3("Which model does what"), choices, new H3("Retrain from examples (CSV: text,label)"), target, upload,
                progress, stage, report, activate);
    }

    private void refresh() {
        List<MessageClassifier> installed = training.classifiers();
        classifiers.setItems(installed);
        target.setItems(installed.stream().filter(MessageClassifier::trainable).toList());
    }

    /** Called with an uploaded file: parse it, then train in the background with live progress. */
    void received(byte[] csv) {
        try {
            uploaded = TrainingCsv.parse(csv);
        } catch (IllegalArgumentException bad) {
            Notification.show("The file cannot be used: " + bad.getMessage())
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        MessageClassifier classifier = target.getValue();
        if (classifier == null) {
            Notification.show("Choose the classifier to retrain first").addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        progress.setValue(0);
        report.setText("");
        activate.setVisible(false);
        stage.setText("Training on " + uploaded.size() + " examples…");
        TrainingProgress onProgress = (fraction, what) -> ui.access(() -> {
            progress.setValue(Math.max(0, Math.min(1, fraction)));
            stage.setText(what);
        });
        try {
            training.train(classifier.id(), uploaded, onProgress).whenComplete((result, failure) -> ui.access(() -> {
                progress.setVisible(false);
                if (failure != null) {
                    stage.setText("Training failed: " + rootMessage(failure));
                    return;
                }
                showReport(result);
            }));
        } catch (IllegalArgumentException refused) {
            stage.setText(refused.getMessage());
        }
    }

    void showReport(TrainingReport result) {
        candidate = result;
        stage.setText("Candidate " + result.candidate().version() + " trained on " + result.trainingCount()
                + " examples, evaluated on " + result.heldOutCount() + " held out.");
        report.setText(String.format(Locale.ROOT, "Held-out accuracy %.1f %%, macro-F1 %.3f. Per label: %s",
                result.heldOutAccuracy() * 100, result.macroF1(), result.perLabelF1().entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                        .collect(Collectors.joining(", "))));
        activate.setVisible(true);
    }

    private void activate() {
        MessageClassifier classifier = target.getValue();
        if (classifier == null || candidate == null) {
            return;
        }
        try {
            training.activate(classifier.id(), candidate.candidate());
            Notification.show("Model " + candidate.candidate().version() + " is now active")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            activate.setVisible(false);
            refresh();
        } catch (AiException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
