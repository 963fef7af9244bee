package org.switchboard.portal.automation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How rules run.
 *
 * @param senderName    the name customers see on a rule's canned reply when nobody is assigned (else the
 *                      assignee's name)
 * @param queueCapacity triggers waiting for the worker; beyond it, triggers are dropped (logged)
 */
@ConfigurationProperties("switchboard.automation")
public record AutomationProperties(String senderName, Integer queueCapacity) {

    public AutomationProperties {
        senderName = senderName == null || senderName.isBlank() ? "Support team" : senderName.strip();
        queueCapacity = queueCapacity == null || queueCapacity <= 0 ? 10_000 : queueCapacity;
    }
}
