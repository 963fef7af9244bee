package org.switchboard.portal.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether a demo web-chat account is created on an empty database and {@code /demo} is served
 */
@ConfigurationProperties("switchboard.demo")
public record DemoProperties(Boolean enabled) {

    public DemoProperties {
        enabled = enabled == null || enabled;
    }
}
