package org.switchboard.portal.ingest;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelConnections;

/**
 * Maps {@link WebhookServlet} at {@code /hooks/*}, beside Spring MVC's dispatcher: a path mapping wins over the
 * dispatcher's default mapping, and the filters (security, observation, encoding) still run for every webhook.
 */
@Configuration(proxyBeanMethods = false)
class WebhookServletRegistration {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(ChannelConnections connections, InboundPipeline pipeline,
            WebhookProperties properties, RejectedDeliveries rejectedDeliveries, AuditLog audit) {
        ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
                new WebhookServlet(connections, pipeline, properties, rejectedDeliveries, audit),
                WebhookServlet.PATH + "*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
