package org.switchboard.plugin.api.ai;

import java.util.List;
import org.pf4j.ExtensionPoint;
import org.switchboard.plugin.api.config.ConfigField;

/**
 * Answers routine requests or escalates with a summary. The host decides whether an answer goes to the customer
 * (the admin's allowed intents and minimum confidence) or is only suggested to the agent.
 *
 * @since 0.4.0 (incubating)
 */
public interface ReplyAssistant extends ExtensionPoint {

    /**
     * A stable id.
     *
     * @return the id
     */
    String id();

    /**
     * The model (or template set) that answers.
     *
     * @return its id and version
     */
    ModelInfo model();

    /**
     * Configuration the assistant needs (e.g. an OpenAI-compatible endpoint, model name, key), secrets marked.
     *
     * @return the fields, possibly empty
     */
    default List<ConfigField> configSchema() {
        return List.of();
    }

    /**
     * Answers or escalates.
     *
     * @param request everything known
     * @return the reply
     * @throws AiException when it cannot decide (the host escalates)
     */
    AssistantReply reply(AssistantRequest request) throws AiException;
}
