package org.switchboard.portal;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that belong to no single feature. */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
class PortalConfiguration {

    /** One clock for the whole portal, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
