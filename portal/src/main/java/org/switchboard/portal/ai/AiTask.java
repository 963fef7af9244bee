package org.switchboard.portal.ai;

/** The AI tasks an admin picks a model for, per workspace or channel account. */
public enum AiTask {
    INTENT("Intent"),
    SENTIMENT("Sentiment"),
    ASSISTANT("Assistant");

    private final String label;

    AiTask(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
