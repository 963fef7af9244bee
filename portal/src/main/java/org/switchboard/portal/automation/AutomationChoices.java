package org.switchboard.portal.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.collaboration.CannedResponseView;
import org.switchboard.portal.collaboration.CannedResponses;
import org.switchboard.portal.customer.AttributeDefinition;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.routing.AgentAvailability;
import org.switchboard.portal.routing.Availability;
import org.switchboard.portal.routing.TeamSummary;
import org.switchboard.portal.routing.Teams;

/** What rules can name: teams, agents, shared canned responses, customer attributes, channels (for the form). */
@Service
public class AutomationChoices {

    private final Teams teams;
    private final Availability availability;
    private final CannedResponses cannedResponses;
    private final CustomerProfiles profiles;
    private final ChannelAccounts accounts;

    AutomationChoices(Teams teams, Availability availability, CannedResponses cannedResponses,
            CustomerProfiles profiles, ChannelAccounts accounts) {
        this.teams = teams;
        this.availability = availability;
        this.cannedResponses = cannedResponses;
        this.profiles = profiles;
        this.accounts = accounts;
    }

    public List<TeamSummary> teams() {
        return teams.listTeams();
    }

    public Optional<TeamSummary> team(long teamId) {
        return teams().stream().filter(t -> t.id() == teamId).findFirst();
    }

    /** Enabled agents, by name. */
    public List<AgentAvailability> agents() {
        return availability.agents();
    }

    public Optional<AgentAvailability> agent(long agentId) {
        return agents().stream().filter(a -> a.agentId() == agentId).findFirst();
    }

    /** Shared canned responses, by shortcut (personal ones are their owner's, not the portal's). */
    public List<CannedResponseView> cannedResponses() {
        return cannedResponses.shared();
    }

    public List<AttributeDefinition> attributes() {
        return profiles.attributeDefinitions();
    }

    /** Every connector that has an account (all its accounts), then every account on its own. */
    public List<ChannelChoice> channels() {
        List<ChannelAccountView> all = accounts.list();
        List<ChannelChoice> choices = new ArrayList<>();
        new TreeSet<>(all.stream().map(ChannelAccountView::connectorId).toList())
                .forEach(connector -> choices.add(new ChannelChoice(connector, "Any " + connector + " account")));
        all.forEach(a -> choices.add(new ChannelChoice(a.id(), a.name() + " (" + a.connectorId() + ")")));
        return choices;
    }

    /** The conditions in words, e.g. "Message text contains refund, money back and Label is vip". */
    public String describeConditions(AutomationRuleView rule) {
        return String.join(" and ", rule.conditions().stream().map(this::describe).toList());
    }

    /** The actions in words, naming teams, agents and responses; one that no longer exists says so. */
    public String describeActions(AutomationRuleView rule) {
        return String.join(", ", rule.actions().stream().map(this::describe).toList());
    }

    private String describe(RuleCondition c) {
        String what = c.field() == ConditionField.ATTRIBUTE ? "Customer " + c.key() : c.field().label();
        if (!c.operator().needsValue()) {
            return what + " " + c.operator().label();
        }
        String value = switch (c.field()) {
            case TEAM -> teamName(c.value());
            case ASSIGNEE -> agentName(c.value());
            case CHANNEL -> channels().stream().filter(ch -> ch.value().equalsIgnoreCase(c.value())).findFirst()
                    .map(ChannelChoice::label).orElse(c.value());
            case STATUS, PRIORITY -> c.value().toLowerCase(java.util.Locale.ROOT);
            default -> c.value();
        };
        return what + " " + c.operator().label() + " " + value;
    }

    private String describe(RuleAction a) {
        return switch (a.type()) {
            case ASSIGN_TEAM -> "assign to team " + teamName(a.value());
            case ASSIGN_AGENT -> "assign to " + agentName(a.value());
            case UNASSIGN -> "unassign";
            case ADD_LABEL -> "add label " + a.value();
            case REMOVE_LABEL -> "remove label " + a.value();
            case SET_PRIORITY -> "priority " + a.value().toLowerCase(java.util.Locale.ROOT);
            case SET_STATUS -> "SNOOZED".equals(a.value()) ? "snooze until the customer replies"
                    : "status " + a.value().toLowerCase(java.util.Locale.ROOT);
            case SEND_CANNED_REPLY -> "send " + cannedName(a.value());
            case NOTIFY -> "notify " + switch (a.recipients()) {
                case AGENTS -> String.join(", ", a.agentIds().stream().map(id -> agentName(id.toString())).toList());
                case ASSIGNEE -> "the assignee";
                case TEAM -> "the team";
            };
        };
    }

    /** What a rule's summary calls a team / agent / canned response id, flagging ones that are gone. */
    String teamName(String id) {
        return parse(id).flatMap(this::team).map(TeamSummary::name).orElse("unknown team #" + id);
    }

    String agentName(String id) {
        return parse(id).flatMap(this::agent).map(AgentAvailability::displayName).orElse("unknown agent #" + id);
    }

    String cannedName(String id) {
        return parse(id).flatMap(cannedResponses::find).map(r -> "/" + r.shortcut())
                .orElse("unknown canned response #" + id);
    }

    static Optional<Long> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }
}
