package org.switchboard.plugins.api;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;

class ApiContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new ApiConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new ApiScenario();
    }
}
