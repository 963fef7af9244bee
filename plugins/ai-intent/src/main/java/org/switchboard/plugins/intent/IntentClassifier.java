package org.switchboard.plugins.intent;

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
 * What the customer wants: {@code order_status}, {@code refund}, {@code return}, {@code product_question},
 * {@code complaint}, {@code billing}, {@code account} or {@code other} with the shipped model; whatever labels an
 * admin trained otherwise. Public because PF4J instantiates it.
 */
@Extension
public class IntentClassifier implements MessageClassifier {

    /** The classifier id, a stable contract. */
    public static final String ID = "intent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Task task() {
        return Task.INTENT;
    }

    @Override
    public ModelInfo model() {
        try {
            return IntentPlugin.engine().model();
        } catch (AiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<String> labels() {
        try {
            return IntentPlugin.engine().labels();
        } catch (AiException e) {
            return List.of();
        }
    }

    /** Only the text decides; the conversation is not used by this model. */
    @Override
    public Classification classify(String text, ConversationSnapshot conversation) throws AiException {
        return IntentPlugin.engine().classify(text);
    }

    @Override
    public boolean trainable() {
        return true;
    }

    @Override
    public TrainingReport train(List<LabelledText> examples, TrainingProgress progress) throws AiException {
        return IntentPlugin.engine().train(examples, progress);
    }

    @Override
    public void activate(ModelInfo candidate) throws AiException {
        IntentPlugin.engine().activate(candidate);
    }
}
