package org.switchboard.portal.demo;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;

/** Creates the demo website-chat account when there are no channel accounts and the web-chat plugin runs. */
@Component
class DemoChannelSeeder {

    static final String WEBCHAT = "webchat";
    private static final Logger log = LoggerFactory.getLogger(DemoChannelSeeder.class);

    private final ChannelAccounts accounts;
    private final DemoProperties properties;
    private final PublicUrlProperties urls;

    DemoChannelSeeder(ChannelAccounts accounts, DemoProperties properties, PublicUrlProperties urls) {
        this.accounts = accounts;
        this.properties = properties;
        this.urls = urls;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.enabled() || !accounts.list().isEmpty()) {
            return;
        }
        try {
            ChannelAccountView created = accounts.create("Website chat (demo)", WEBCHAT, Map.of());
            log.info("Created the demo website-chat account {}; try it at {}/demo", created.id(), urls.publicUrl());
        } catch (RuntimeException e) {
            log.warn("No demo website chat: {}", e.getMessage());
        }
    }
}
