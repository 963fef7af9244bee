package org.switchboard.plugins.telegram;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;

class TelegramContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new TelegramConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new TelegramScenario();
    }
}
