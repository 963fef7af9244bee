/**
 * The AI runtime: Deep Java Library with the PyTorch engine and its CPU natives, loaded once per portal and shared
 * with the model plugins (intent, sentiment) through PF4J's plugin dependencies. It contributes no extension of its
 * own; it owns DJL's JVM-wide settings (offline mode, the engine cache directory).
 */
package org.switchboard.plugins.djl;
