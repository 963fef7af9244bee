package org.switchboard.portal.metrics;

/** What a breakdown puts side by side. */
public enum Dimension {
    CHANNEL_ACCOUNT("Channel"), CHANNEL_KIND("Channel kind"), TEAM("Team"), AGENT("Agent"), INTENT("Intent");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
