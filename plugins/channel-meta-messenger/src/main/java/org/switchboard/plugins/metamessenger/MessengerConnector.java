package org.switchboard.plugins.metamessenger;

import org.pf4j.Extension;

/**
 * Facebook Messenger: customers write to a Facebook Page, agents answer as the Page. Public because PF4J
 * instantiates it.
 */
@Extension
public class MessengerConnector extends MetaConnector {

    public MessengerConnector() {
        super(MetaNetwork.MESSENGER);
    }
}
