package org.switchboard.plugins.sentiment;

import java.util.List;
import org.pf4j.Extension;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.ConversationSnapshot;
import org.switchboard.plugin.api.ai.LabelledText;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.TrainingProgress;
import org.switchboard.plugin.api.ai.TrainingReport;

/**
 * How the customer feels: {@code negative}, {@code neutral} or {@code positive} with the shipped model, with the
 * probability of each (a polarity score, if wanted, is {@code p(positive) - p(negative)}). Public because PF4J
 * instantiates it.
 */
@Extension
public class SentimentClassifier implements MessageClassifier {

    /** The classifier id, a stable contract. */
    public static final String ID = "sentiment";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Task task() {
        return Task.SENTIMENT;
    }

    @Override
    public ModelInfo model() {
        try {
            return SentimentPlugin.engine().model();
        } catch (AiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<String> labels() {
        try {
            return SentimentPlugin.engine().labels();
        } catch (AiException e) {
            return List.of();
        }
    }

    /** Only the text decides; the conversation is not used by this model. */
    @Override
    public Classification classify(String text, ConversationSnapshot conversation) throws AiException {
        return SentimentPlugin.engine().classify(text);
    }

    @Override
    public boolean trainable() {
        return true;
    }

    @Override
    public TrainingReport train(List<LabelledText> examples, TrainingProgress progress) throws AiException {
        return SentimentPlugin.engine().train(examples, progress);
    }

    @Override
    public void activate(ModelInfo candidate) throws AiException {
        SentimentPlugin.engine().activate(candidate);
    }
}
