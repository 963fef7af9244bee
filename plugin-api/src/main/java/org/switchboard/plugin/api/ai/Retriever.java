package org.switchboard.plugin.api.ai;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Finds knowledge passages for a query (the host has its own over the knowledge base; plugins may add others).
 *
 * @since 0.4.0 (incubating)
 */
public interface Retriever extends ExtensionPoint {

    /**
     * A stable id.
     *
     * @return the id
     */
    String id();

    /**
     * The best passages for a query.
     *
     * @param query    the question, in the customer's words
     * @param language a BCP 47 language tag, or {@code null}
     * @param limit    at most this many
     * @return passages, best first
     * @throws AiException when retrieval fails
     */
    List<KnowledgePassage> retrieve(String query, String language, int limit) throws AiException;
}
