package org.switchboard.plugin.api.ai;

/**
 * Where a training run is, for a progress bar; and whether the admin cancelled it.
 *
 * @since 0.4.0 (incubating)
 */
public interface TrainingProgress {

    /**
     * Reports progress.
     *
     * @param fraction 0..1
     * @param stage    what is happening (e.g. "epoch 3 of 20")
     */
    void report(double fraction, String stage);

    /**
     * Whether to stop as soon as possible.
     *
     * @return {@code true} when cancelled
     */
    default boolean cancelled() {
        return false;
    }
}
