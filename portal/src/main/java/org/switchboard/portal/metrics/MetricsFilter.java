package org.switchboard.portal.metrics;

import java.util.Set;

/**
 * Which samples count; an empty set means "any". "None" values select samples without that dimension: channel
 * {@code ""}, team {@code 0}, agent {@code 0}, intent {@code ""}.
 *
 * @param channelAccountIds channel accounts
 * @param channelKinds      connector ids (webchat, email, …): their accounts
 * @param teamIds           teams
 * @param agentIds          agents
 * @param intents           intent labels
 */
public record MetricsFilter(Set<String> channelAccountIds, Set<String> channelKinds, Set<Long> teamIds,
        Set<Long> agentIds, Set<String> intents) {

    /** No filter. */
    public static final MetricsFilter ANY = new MetricsFilter(null, null, null, null, null);

    public MetricsFilter {
        channelAccountIds = channelAccountIds == null ? Set.of() : Set.copyOf(channelAccountIds);
        channelKinds = channelKinds == null ? Set.of() : Set.copyOf(channelKinds);
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
        agentIds = agentIds == null ? Set.of() : Set.copyOf(agentIds);
        intents = intents == null ? Set.of() : Set.copyOf(intents);
    }

    public MetricsFilter withAgents(Set<Long> agents) {
        return new MetricsFilter(channelAccountIds, channelKinds, teamIds, agents, intents);
    }

    public MetricsFilter withChannelAccounts(Set<String> accounts) {
        return new MetricsFilter(accounts, channelKinds, teamIds, agentIds, intents);
    }

    public MetricsFilter withChannelKinds(Set<String> kinds) {
        return new MetricsFilter(channelAccountIds, kinds, teamIds, agentIds, intents);
    }

    public MetricsFilter withTeams(Set<Long> teams) {
        return new MetricsFilter(channelAccountIds, channelKinds, teams, agentIds, intents);
    }

    public MetricsFilter withIntents(Set<String> labels) {
        return new MetricsFilter(channelAccountIds, channelKinds, teamIds, agentIds, labels);
    }
}
