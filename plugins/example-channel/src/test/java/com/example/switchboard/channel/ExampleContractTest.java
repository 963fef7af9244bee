package com.example.switchboard.channel;

import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.testkit.ChannelConnectorContract;
import org.switchboard.plugin.testkit.ChannelScenario;

/** The test kit's contract: what every channel connector must do (signatures, duplicates, send outcomes...). */
class ExampleContractTest extends ChannelConnectorContract {

    @Override
    protected ChannelConnector connector() {
        return new ExampleConnector();
    }

    @Override
    protected ChannelScenario scenario() {
        return new ExampleScenario();
    }
}
