package org.switchboard.plugin.api.ai;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Classifies customer messages: the intent ({@code order_status}, {@code refund}...) or the sentiment
 * ({@code negative}, {@code neutral}, {@code positive}). Models may be retrained by an admin from labelled
 * examples: training makes a candidate, which becomes active only when the admin activates it.
 *
 * @since 0.4.0 (incubating)
 */
public interface MessageClassifier extends ExtensionPoint {

    /** What a classifier's labels mean. */
    enum Task {
        /** What the customer wants. */
        INTENT,
        /** How the customer feels. */
        SENTIMENT
    }

    /**
     * A stable id, never renamed (e.g. {@code intent}).
     *
     * @return the id
     */
    String id();

    /**
     * What its labels mean.
     *
     * @return the task
     */
    Task task();

    /**
     * The active model.
     *
     * @return its id and version
     */
    ModelInfo model();

    /**
     * The labels the active model chooses from.
     *
     * @return the labels
     */
    List<String> labels();

    /**
     * Classifies a text (usually the customer's latest message) in the context of its conversation.
     *
     * @param text         the text
     * @param conversation the conversation it belongs to, or {@code null}
     * @return the classification
     * @throws AiException when the model cannot answer
     */
    Classification classify(String text, ConversationSnapshot conversation) throws AiException;

    /**
     * Whether {@link #train} is supported.
     *
     * @return {@code true} if it can be retrained
     */
    default boolean trainable() {
        return false;
    }

    /**
     * Trains a candidate model from labelled examples (holding some out to evaluate it). The active model is not
     * changed. Long-running: call it off the UI thread.
     *
     * @param examples the examples
     * @param progress where to report progress
     * @return the evaluation of the candidate
     * @throws AiException when the examples are unusable or training fails
     */
    default TrainingReport train(List<LabelledText> examples, TrainingProgress progress) throws AiException {
        throw new AiException("this classifier cannot be retrained");
    }

    /**
     * Makes a trained candidate the active model (and keeps it across restarts).
     *
     * @param candidate the candidate from a {@link TrainingReport}
     * @throws AiException when there is no such candidate
     */
    default void activate(ModelInfo candidate) throws AiException {
        throw new AiException("this classifier cannot be retrained");
    }
}
