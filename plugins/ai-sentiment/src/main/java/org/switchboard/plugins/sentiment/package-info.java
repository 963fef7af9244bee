/**
 * Sentiment detection: whether a customer message is negative, neutral or positive, with a probability for each,
 * by a small DJL model (hashed n-grams, one hidden layer) shipped in this JAR and retrainable by an admin from
 * labelled examples. Owns the shipped model and its dataset ({@code dataset/sentiment.csv} in the source tree); the
 * trainer, featurizer and model files come from the shaded {@code ai-text-classifier} library, DJL from the
 * {@code ai-djl-runtime} plugin.
 */
package org.switchboard.plugins.sentiment;
