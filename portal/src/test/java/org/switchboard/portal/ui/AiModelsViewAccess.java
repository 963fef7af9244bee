package org.switchboard.portal.ui;

/** Lets tests in other packages drive the package-private parts of {@link AiModelsView}. */
public final class AiModelsViewAccess {

    private final AiModelsView view;

    public AiModelsViewAccess(AiModelsView view) {
        this.view = view;
    }

    public void chooseClassifier(String id) {
        view.target.setValue(view.target.getListDataView().getItems().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow());
    }

    /** What the upload's handler does with a received file. */
    public void upload(byte[] csv) {
        view.received(csv);
    }

    public boolean activateVisible() {
        return view.activate.isVisible();
    }

    public String stageText() {
        return view.stage.getText();
    }

    public String reportText() {
        return view.report.getText();
    }

    public void activate() {
        view.activate.click();
    }

    /** The "which model does what" selects, by scope (workspace '' or channel account id) and task. */
    public static java.util.Map<String, java.util.Map<org.switchboard.portal.ai.AiTask,
            com.vaadin.flow.component.select.Select<String>>> choiceSelects(AiModelsView view) {
        return view.choices.selects;
    }
}
