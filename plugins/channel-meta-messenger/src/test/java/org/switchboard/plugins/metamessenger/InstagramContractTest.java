package org.switchboard.plugins.metamessenger;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugins.metamessenger.scenario.InstagramScenario;

class InstagramContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new InstagramConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new InstagramScenario();
    }
}
