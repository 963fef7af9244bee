package org.switchboard.plugins.whatsapp;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;

/** What every channel connector must do, with Meta played by {@link WhatsappScenario}. */
class WhatsappContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new WhatsappConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new WhatsappScenario();
    }
}
