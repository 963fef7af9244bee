/**
 * A small text classifier on DJL, shared by the intent and sentiment plugins (shaded and relocated into each, so
 * each plugin owns the code that reads its own model files): hashed word and character n-grams, a one-hidden-layer
 * network, stratified 80/20 training with held-out accuracy and macro-F1, candidate models under the plugin's data
 * directory and the active choice that survives restarts.
 *
 * <p>DJL itself is not inside: it comes from the {@code ai-djl-runtime} plugin at run time.
 */
package org.switchboard.plugins.textclassifier;
