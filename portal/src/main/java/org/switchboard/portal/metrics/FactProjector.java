package org.switchboard.portal.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.portal.metrics.ConversationHistory.Event;
import org.switchboard.portal.metrics.ConversationHistory.SlaTargetRow;
import org.switchboard.portal.sla.BusinessCalendar;

/**
 * Turns conversations' events into facts, exactly as {@code docs/metrics.md} defines the metrics. Pure and
 * deterministic: the same histories give the same facts, which is what makes recomputation idempotent. Repeat
 * contacts look at the customer's other conversations, so give it all conversations of each customer involved.
 */
final class FactProjector {

    /** A reopen within this (inclusive) continues the contact; later starts a new one. Also the repeat window. */
    static final Duration WINDOW = Duration.ofDays(7);

    private static final Pattern TEAM = Pattern.compile("^team #(\\d+)");
    private static final Pattern AGENT = Pattern.compile("^agent #(\\d+)");
    private static final Pattern SURVEY = Pattern.compile("survey #(\\d+)");
    private static final Pattern RATING = Pattern.compile("^\\s*([1-5])/5");
    private static final Pattern INTENT = Pattern.compile("^intent:(.+?)(?: -?\\d+(?:\\.\\d+)?(?: \\(.*\\))?)?$");

    private final BusinessCalendar calendar;
    private final ZoneId zone;

    FactProjector(BusinessCalendar calendar, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar);
        this.zone = Objects.requireNonNull(zone);
    }

    ZoneId zone() {
        return zone;
    }

    /** The facts of each conversation, by conversation id (every given conversation has an entry). */
    Map<Long, List<Fact>> project(List<ConversationHistory> histories) {
        Map<Long, List<Walk>> byCustomer = new LinkedHashMap<>();
        List<Walk> walks = new ArrayList<>();
        for (ConversationHistory history : histories) {
            Walk walk = new Walk(history);
            walks.add(walk);
            byCustomer.computeIfAbsent(history.customerId(), c -> new ArrayList<>()).add(walk);
        }
        Map<Long, List<Fact>> facts = new LinkedHashMap<>();
        for (Walk walk : walks) {
            facts.put(walk.history.id(), walk.facts(isRepeat(walk, byCustomer.get(walk.history.customerId()))));
        }
        return facts;
    }

    /* Same customer, same intent, another conversation started earlier that was open or closed ≤ 7 days before. */
    private static boolean isRepeat(Walk walk, List<Walk> sameCustomer) {
        if (walk.intent.isEmpty() || walk.start == null) {
            return false;
        }
        for (Walk other : sameCustomer) {
            if (other == walk || other.start == null || !other.intent.equals(walk.intent)) {
                continue;
            }
            boolean earlier = other.start.isBefore(walk.start)
                    || other.start.equals(walk.start) && other.history.id() < walk.history.id();
            if (!earlier) {
                continue;
            }
            Transition last = null;
            for (Transition t : other.transitions) {
                if (!t.at.isAfter(walk.start)) {
                    last = t;
                }
            }
            if (last != null && (last.open || !walk.start.isAfter(last.at.plus(WINDOW)))) {
                return true;
            }
        }
        return false;
    }

    private record Transition(Instant at, boolean open) {
    }

    private record Snapshot(Instant at, String channel, Long team, Long assignee) {
    }

    private enum Status {
        NONE, OPEN, RESOLVED, MERGED_AWAY
    }

    private static final class Contact {
        final Instant start;
        final Set<Long> teams = new HashSet<>();
        final Set<Long> agents = new HashSet<>();
        int humanReplies;
        Instant resolvedAt;
        Snapshot atResolution;
        Long resolutionAgent;
        boolean reopened;

        Contact(Instant start, Long team, Long assignee) {
            this.start = start;
            if (team != null) {
                teams.add(team);
            }
            if (assignee != null) {
                agents.add(assignee);
            }
        }

        boolean running() {
            return resolvedAt == null;
        }
    }

    private static final class Survey {
        final Instant at;
        final Snapshot state;
        final Long agent;
        final Long id;
        Integer rating;

        Survey(Instant at, Snapshot state, Long agent, Long id) {
            this.at = at;
            this.state = state;
            this.agent = agent;
            this.id = id;
        }
    }

    /** One pass over a conversation's events, keeping the state the definitions need. */
    private final class Walk {
        final ConversationHistory history;
        final String intent;
        final String fallbackChannel;
        final List<Snapshot> snapshots = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        final List<Transition> transitions = new ArrayList<>();
        final List<Survey> surveys = new ArrayList<>();
        final List<Fact> workload = new ArrayList<>();

        Instant start;
        boolean counted;
        boolean createdByCustomer;
        String startChannel;
        Long firstTeam;
        Long firstAgent;
        String channel;
        Long team;
        Long assignee;
        Status status = Status.NONE;
        Contact current;
        Instant lastResolutionAt;
        Long lastResolutionAgent;
        Instant firstSwitchAt;
        Instant frtAt;
        Snapshot frtState;
        Long frtAgent;
        Instant botAt;
        Snapshot botState;
        Contact botContact;
        boolean escalated;

        Walk(ConversationHistory history) {
            this.history = history;
            this.intent = history.events().stream().filter(e -> "AI_CLASSIFIED".equals(e.type()))
                    .map(e -> intentOf(e.detail())).filter(Objects::nonNull).findFirst().orElse(FactKey.NONE);
            this.fallbackChannel = history.events().stream().map(Event::channelAccountId).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            this.channel = fallbackChannel;
            for (Event event : history.events()) {
                apply(event);
                snapshots.add(new Snapshot(event.at(), channel, team, assignee));
            }
        }

        private void apply(Event e) {
            String type = e.type();
            if (start == null && !type.equals("CREATED") && !type.equals("SPLIT_FROM")) {
                begin(e.at(), false);
            }
            switch (type) {
                case "CREATED", "SPLIT_FROM" -> {
                    if (start == null) {
                        if (type.equals("CREATED") && e.channelAccountId() != null) {
                            channel = e.channelAccountId();
                        }
                        createdByCustomer = type.equals("CREATED");
                        begin(e.at(), true);
                    }
                }
                case "CHANNEL_SWITCHED" -> {
                    if (e.channelAccountId() != null) {
                        channel = e.channelAccountId();
                    }
                    if (firstSwitchAt == null) {
                        firstSwitchAt = e.at();
                    }
                }
                case "TEAM_CHANGED" -> {
                    team = parseId(TEAM, e.detail());
                    if (team != null) {
                        firstTeam = firstTeam == null ? team : firstTeam;
                        if (current != null && current.running()) {
                            current.teams.add(team);
                        }
                    }
                }
                case "ASSIGNED" -> {
                    assignee = parseId(AGENT, e.detail());
                    if (assignee != null) {
                        firstAgent = firstAgent == null ? assignee : firstAgent;
                        if (current != null && current.running()) {
                            current.agents.add(assignee);
                        }
                        workload(e.at(), assignee).add(Measure.ASSIGNED, 1);
                    }
                }
                case "AGENT_REPLY" -> {
                    if (e.agentId() != null) {
                        workload(e.at(), e.agentId()).add(Measure.REPLIES, 1);
                        if (current != null && current.running()) {
                            current.humanReplies++;
                        }
                        if (botAt != null) {
                            escalated = true;
                        }
                    }
                }
                case "FIRST_RESPONSE" -> {
                    if (frtAt == null) {
                        frtAt = e.at();
                        frtState = now(e.at());
                        frtAgent = e.agentId();
                    }
                }
                case "BOT_REPLY", "ESCALATED" -> {
                    if (botAt == null) {
                        botAt = e.at();
                        botState = now(e.at());
                        botContact = current;
                    }
                    if (type.equals("ESCALATED")) {
                        escalated = true;
                    }
                }
                case "RESOLVED" -> {
                    if (status == Status.OPEN) {
                        Long agent = assignee != null ? assignee : e.agentId();
                        if (current.running()) {
                            current.resolvedAt = e.at();
                            current.atResolution = now(e.at());
                            current.resolutionAgent = agent;
                        }
                        status = Status.RESOLVED;
                        lastResolutionAt = e.at();
                        lastResolutionAgent = agent;
                        transitions.add(new Transition(e.at(), false));
                    }
                }
                case "REOPENED" -> reopen(e.at());
                case "MERGED_IN" -> {
                    if (status == Status.RESOLVED || status == Status.MERGED_AWAY) {
                        reopen(e.at());
                    }
                }
                case "MERGED_AWAY" -> {
                    if (status == Status.OPEN) {
                        transitions.add(new Transition(e.at(), false));
                    }
                    status = Status.MERGED_AWAY;
                }
                case "CSAT_SENT" -> surveys.add(new Survey(e.at(), now(e.at()),
                        assignee != null ? assignee : lastResolutionAgent, parseId(SURVEY, e.detail())));
                case "CSAT_RATED" -> rate(e);
                default -> {
                    // Other events (notes, labels, priority, SLA warnings, AI suggestions, …) measure nothing here.
                }
            }
        }

        private void begin(Instant at, boolean countedStart) {
            start = at;
            counted = countedStart;
            startChannel = channel;
            status = Status.OPEN;
            current = new Contact(at, team, assignee);
            contacts.add(current);
            transitions.add(new Transition(at, true));
        }

        private void reopen(Instant at) {
            if (status == Status.RESOLVED && lastResolutionAt != null && !at.isAfter(lastResolutionAt.plus(WINDOW))) {
                current.reopened = true;
            } else if (status == Status.RESOLVED || status == Status.MERGED_AWAY) {
                current = new Contact(at, team, assignee);
                contacts.add(current);
            } else {
                return;
            }
            status = Status.OPEN;
            transitions.add(new Transition(at, true));
        }

        private void rate(Event e) {
            Matcher m = e.detail() == null ? null : RATING.matcher(e.detail());
            if (m == null || !m.find()) {
                return;
            }
            int rating = Integer.parseInt(m.group(1));
            Long surveyId = parseId(SURVEY, e.detail());
            Survey survey = null;
            if (surveyId != null) {
                survey = surveys.stream().filter(s -> surveyId.equals(s.id)).findFirst().orElse(null);
            }
            if (survey == null) {
                for (Survey s : surveys) {
                    if (!s.at.isAfter(e.at())) {
                        survey = s;
                    }
                }
            }
            if (survey == null) {
                survey = new Survey(e.at(), now(e.at()), assignee != null ? assignee : lastResolutionAgent,
                        surveyId);
                surveys.add(survey);
            }
            survey.rating = rating;
        }

        private Snapshot now(Instant at) {
            return new Snapshot(at, channel, team, assignee);
        }

        /* The state after the last event at or before the moment. */
        private Snapshot stateAt(Instant at) {
            Snapshot found = new Snapshot(at, fallbackChannel, null, null);
            for (Snapshot s : snapshots) {
                if (s.at.isAfter(at)) {
                    break;
                }
                found = s;
            }
            return found;
        }

        private Fact workload(Instant at, long agent) {
            Fact fact = new Fact(key(at, channel, team, agent));
            workload.add(fact);
            return fact;
        }

        List<Fact> facts(boolean repeat) {
            List<Fact> facts = new ArrayList<>();
            if (counted) {
                Fact created = new Fact(key(start, startChannel, firstTeam, firstAgent)).count(Measure.CREATED, true);
                boolean switched = firstSwitchAt != null;
                created.count(Measure.SWITCHED, switched);
                created.count(Measure.SWITCHED_RESOLVED, switched && contacts.stream()
                        .anyMatch(c -> c.resolvedAt != null && !c.resolvedAt.isBefore(firstSwitchAt)));
                created.count(Measure.REPEAT_ELIGIBLE, !intent.isEmpty());
                created.count(Measure.REPEAT_CONTACT, repeat);
                facts.add(created);
            }
            if (createdByCustomer && frtAt != null) {
                facts.add(new Fact(key(frtAt, frtState.channel, frtState.team, frtAgent))
                        .sample(DurationMeasure.FRT, seconds(start, frtAt))
                        .sample(DurationMeasure.FRT_BUSINESS, businessSeconds(start, frtAt)));
            }
            for (Contact c : contacts) {
                if (c.resolvedAt == null) {
                    continue;
                }
                boolean transferred = c.teams.size() > 1 || c.agents.size() > 1;
                facts.add(new Fact(key(c.resolvedAt, c.atResolution.channel, c.atResolution.team, c.resolutionAgent))
                        .count(Measure.RESOLVED, true)
                        .count(Measure.FCR, c.humanReplies <= 1 && !transferred && !c.reopened)
                        .count(Measure.REOPENED, c.reopened)
                        .sample(DurationMeasure.TTR, seconds(c.start, c.resolvedAt))
                        .sample(DurationMeasure.TTR_BUSINESS, businessSeconds(c.start, c.resolvedAt)));
            }
            if (botAt != null) {
                boolean resolved = botContact != null && botContact.resolvedAt != null && !botContact.reopened;
                facts.add(new Fact(key(botAt, botState.channel, botState.team, null))
                        .count(Measure.BOT_ENGAGED, true).count(Measure.BOT_ESCALATED, escalated)
                        .count(Measure.BOT_RESOLVED, !escalated && resolved));
            }
            for (Survey s : surveys) {
                Fact fact = new Fact(key(s.at, s.state.channel, s.state.team, s.agent)).count(Measure.CSAT_SENT, true);
                if (s.rating != null) {
                    fact.count(Measure.CSAT_RATED, true).count(Measure.CSAT_SATISFIED, s.rating >= 4)
                            .add(Measure.CSAT_SCORE_SUM, s.rating);
                }
                facts.add(fact);
            }
            for (SlaTargetRow row : history.slaTargets()) {
                boolean breached = row.breachedAt() != null
                        || row.metAt() != null && row.metAt().isAfter(row.dueAt());
                if (!breached && row.metAt() == null) {
                    continue;
                }
                Instant when = breached ? row.dueAt() : row.metAt();
                Snapshot state = stateAt(when);
                boolean firstResponse = "FIRST_RESPONSE".equals(row.target());
                Measure measure = firstResponse ? (breached ? Measure.SLA_FR_BREACHED : Measure.SLA_FR_MET)
                        : (breached ? Measure.SLA_RES_BREACHED : Measure.SLA_RES_MET);
                facts.add(new Fact(key(when, state.channel, state.team, state.assignee)).count(measure, true));
            }
            facts.addAll(workload);
            return merge(facts);
        }

        private FactKey key(Instant at, String channelAccountId, Long teamId, Long agentId) {
            LocalDateTime hour = LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.HOURS);
            return new FactKey(hour, channelAccountId == null ? FactKey.NONE : channelAccountId,
                    teamId == null ? 0 : teamId, agentId == null ? 0 : agentId, intent);
        }
    }

    private long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }

    private long businessSeconds(Instant from, Instant to) {
        return calendar.businessTimeBetween(from, to).getSeconds();
    }

    private static List<Fact> merge(List<Fact> facts) {
        List<Fact> merged = new ArrayList<>();
        outer:
        for (Fact fact : facts) {
            for (Fact existing : merged) {
                if (existing.canAbsorb(fact)) {
                    existing.absorb(fact);
                    continue outer;
                }
            }
            merged.add(fact);
        }
        return merged;
    }

    static Long parseId(Pattern pattern, String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = pattern.matcher(detail);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** The label of an intent classification ("intent:billing 0.93 (model@1)"), clipped to 64; else null. */
    static String intentOf(String detail) {
        if (detail == null || !detail.startsWith("intent:")) {
            return null;
        }
        Matcher m = INTENT.matcher(detail.strip());
        String label = m.matches() ? m.group(1).strip() : detail.substring("intent:".length()).strip();
        if (label.isEmpty()) {
            return null;
        }
        return label.length() > 64 ? label.substring(0, 64) : label;
    }
}
