package org.switchboard.plugins.email;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;

class EmailContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new EmailConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new EmailScenario();
    }
}
