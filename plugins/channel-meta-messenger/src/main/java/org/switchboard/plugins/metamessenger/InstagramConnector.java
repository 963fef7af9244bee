package org.switchboard.plugins.metamessenger;

import org.pf4j.Extension;

/**
 * Instagram direct messages of an Instagram professional account (Instagram API with Instagram Login). Public
 * because PF4J instantiates it.
 */
@Extension
public class InstagramConnector extends MetaConnector {

    public InstagramConnector() {
        super(MetaNetwork.INSTAGRAM);
    }
}
