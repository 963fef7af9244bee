package org.switchboard.portal.ui;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.customer.CustomerMerger;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customer.DuplicateSuggestions;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.privacy.CustomerDataExport;
import org.switchboard.portal.privacy.CustomerErasure;

/** Makes customer 360 panels (one per view) with the services they use. */
@Component
class CustomerPanels {

    final ConversationQueries queries;
    final CustomerDataSources dataSources;
    final CustomerProfiles profiles;
    final DuplicateSuggestions duplicates;
    final CustomerMerger merger;
    final CustomerDataExport export;
    final CustomerErasure erasure;
    final CurrentAgent currentAgent;
    final ChannelAccounts channels;
    final org.switchboard.portal.csat.CsatRatings csat;

    CustomerPanels(ConversationQueries queries, CustomerDataSources dataSources, CustomerProfiles profiles,
            DuplicateSuggestions duplicates, CustomerMerger merger, CustomerDataExport export,
            CustomerErasure erasure, CurrentAgent currentAgent, ChannelAccounts channels,
            org.switchboard.portal.csat.CsatRatings csat) {
        this.csat = csat;
        this.queries = queries;
        this.dataSources = dataSources;
        this.profiles = profiles;
        this.duplicates = duplicates;
        this.merger = merger;
        this.export = export;
        this.erasure = erasure;
        this.currentAgent = currentAgent;
        this.channels = channels;
    }

    CustomerPanel create() {
        return new CustomerPanel(this);
    }

    Map<String, String> channelNames() {
        return channels.list().stream().collect(Collectors.toMap(ChannelAccountView::id, ChannelAccountView::name));
    }
}
