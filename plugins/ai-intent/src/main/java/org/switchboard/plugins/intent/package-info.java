/**
 * Intent detection: which of the workspace's intents a customer message expresses, with a confidence, by a small
 * DJL model (hashed n-grams, one hidden layer) shipped in this JAR and retrainable by an admin from labelled
 * examples. Owns the shipped model and its dataset ({@code dataset/intent.csv} in the source tree); the trainer,
 * featurizer and model files come from the shaded {@code ai-text-classifier} library, DJL from the
 * {@code ai-djl-runtime} plugin.
 */
package org.switchboard.plugins.intent;
