package org.switchboard.plugins.smstwilio;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;

class TwilioSmsContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new TwilioSmsConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new TwilioSmsScenario();
    }
}
