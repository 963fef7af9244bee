/**
 * Sentence embeddings for semantic retrieval: a small DJL model (hashed word and character n-grams, one tanh
 * layer) trained in the JVM to tell the knowledge-base topics of customer questions apart; its normalised hidden
 * layer is the vector, so a question and the article that answers it land close together even without shared
 * words. Owns the shipped model and its dataset ({@code dataset/} in the source tree); DJL comes from the
 * {@code ai-djl-runtime} plugin.
 */
package org.switchboard.plugins.embedder;
