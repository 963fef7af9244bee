package org.switchboard.portal.ai;

/**
 * An installed model that can do a task.
 *
 * @param key     {@code <plugin id>/<model id>}: stays the same across the model's versions and retraining
 * @param label   what the admin sees
 */
public record AiModelOption(String key, String label) {
}
