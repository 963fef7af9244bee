package org.switchboard.portal.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The dashboards' query API: metrics for a date range with filters, their series and the previous period, and
 * breakdowns by channel, team, agent or intent. Reads rollups — one row per day for any filter combination and
 * breakdown value — and, for hourly series (at most 7 days), the facts of those days; never the conversation events.
 *
 * <p>Supervisors and admins may ask anything; an agent only about themselves (checked here).
 */
@Service
public class Metrics {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ReportingCalendar calendar;
    private final MetricsAccess access;
    private final MetricsPoller poller;

    Metrics(DataSource dataSource, ReportingCalendar calendar, MetricsAccess access, MetricsPoller poller) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.calendar = calendar;
        this.access = access;
        this.poller = poller;
    }

    /**
     * Every metric for the query's period and the previous one, the series and conversations per hour of day.
     *
     * @throws org.springframework.security.access.AccessDeniedException for an agent asking about others
     */
    public MetricsReport report(MetricsQuery query) {
        access.check(query.filter());
        MetricsLabels labels = new MetricsLabels(jdbc);
        List<Row> rows = dayRows(query, null, labels);
        List<Row> previousRows = dayRows(query.previous(), null, labels);
        Totals current = sum(rows);
        List<Long> byHour = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            byHour.add(current.createdByHour.count(hour));
        }
        boolean hourly = query.granularity() == Granularity.HOUR;
        return new MetricsReport(query, values(current), values(sum(previousRows)),
                series(query, hourly ? hourRows(query, labels) : rows),
                series(query.previous(), hourly ? hourRows(query.previous(), labels) : previousRows),
                List.copyOf(byHour));
    }

    private static List<MetricsReport.Point> series(MetricsQuery query, List<Row> rows) {
        Map<LocalDateTime, Totals> buckets = new TreeMap<>();
        for (LocalDateTime start : bucketStarts(query)) {
            buckets.put(start, new Totals());
        }
        for (Row row : rows) {
            buckets.computeIfAbsent(bucketOf(query, row.key().period()), k -> new Totals()).add(row.totals(), 1);
        }
        return buckets.entrySet().stream().map(e -> new MetricsReport.Point(e.getKey(), values(e.getValue())))
                .toList();
    }

    /**
     * Every metric for the query's period per value of a dimension, by label ("none" last).
     *
     * @throws org.springframework.security.access.AccessDeniedException for an agent asking about others
     */
    public List<BreakdownRow> breakdown(MetricsQuery query, Dimension by) {
        access.check(query.filter());
        MetricsLabels labels = new MetricsLabels(jdbc);
        Map<String, Totals> groups = new LinkedHashMap<>();
        for (Row row : dayRows(query, by, labels)) {
            String key = switch (by) {
                case CHANNEL_ACCOUNT -> row.key().channelAccountId();
                case CHANNEL_KIND -> labels.kindOf(row.key().channelAccountId());
                case TEAM -> String.valueOf(row.key().teamId());
                case AGENT -> String.valueOf(row.key().agentId());
                case INTENT -> row.key().intent();
            };
            groups.computeIfAbsent(key, k -> new Totals()).add(row.totals(), 1);
        }
        return groups.entrySet().stream()
                .map(e -> new BreakdownRow(e.getKey(), labels.label(by, e.getKey()), values(e.getValue())))
                .sorted(Comparator.comparing((BreakdownRow r) -> r.label().equals("none"))
                        .thenComparing(BreakdownRow::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Intent labels that occur in the rollups, for the filter. */
    public List<String> intents() {
        return jdbc.queryForList("select distinct intent from metric_rollup where grain = 'D'"
                + " and channel_account_id = '*' and team_id = -1 and agent_id = -1 and intent not in ('*', '')"
                + " order by intent", String.class);
    }

    /** The reporting business hours and zone, for the dashboards' footnote. */
    public String reportingCalendar() {
        return calendar.describe();
    }

    /** The reporting time zone's today. */
    public LocalDate today() {
        return LocalDate.now(calendar.zone());
    }

    /** Runs after rollups changed (on the poller's thread); run the handle to unsubscribe. */
    public Runnable subscribe(Runnable onChange) {
        return poller.subscribe(onChange);
    }

    private record Row(RollupKey key, Totals totals) {
    }

    private static Totals sum(List<Row> rows) {
        Totals total = new Totals();
        rows.forEach(r -> total.add(r.totals(), 1));
        return total;
    }

    private static Map<Metric, Double> values(Totals totals) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, metric.valueOf(totals));
        }
        return java.util.Collections.unmodifiableMap(values);
    }

    /*
     * Daily rows of exactly the cube level the filters (and breakdown) need: one row per day and value. A breakdown's
     * dimension lists its known values (and "none") rather than "not any", so every range in the primary key stays
     * tight: (grain, channel, team, agent, intent) fixed, period a range.
     */
    private List<Row> dayRows(MetricsQuery query, Dimension by, MetricsLabels labels) {
        var params = new MapSqlParameterSource("from", query.from().atStartOfDay())
                .addValue("to", query.to().plusDays(1).atStartOfDay());
        List<String> where = new ArrayList<>(List.of("grain = 'D'", "period >= :from", "period < :to"));
        MetricsFilter filter = query.filter();
        Set<String> channels = channels(filter, labels);
        if (channels == null && (by == Dimension.CHANNEL_ACCOUNT || by == Dimension.CHANNEL_KIND)) {
            channels = withNone(labels.channels.keySet(), FactKey.NONE);
        }
        Set<Long> teams = anyIfEmpty(filter.teamIds());
        if (teams == null && by == Dimension.TEAM) {
            teams = withNone(labels.teams.keySet(), 0L);
        }
        Set<Long> agents = anyIfEmpty(filter.agentIds());
        if (agents == null && by == Dimension.AGENT) {
            agents = withNone(labels.agents.keySet(), 0L);
        }
        Set<String> intents = anyIfEmpty(filter.intents());
        if (intents == null && by == Dimension.INTENT) {
            intents = withNone(new java.util.HashSet<>(intents()), FactKey.NONE);
        }
        if (!condition(where, params, "channel_account_id", "ch", channels, "'*'")
                || !condition(where, params, "team_id", "teams", teams, "-1")
                || !condition(where, params, "agent_id", "agents", agents, "-1")
                || !condition(where, params, "intent", "intents", intents, "'*'")) {
            return List.of();
        }
        return read(where, params);
    }

    private static <T> Set<T> withNone(Set<T> known, T none) {
        Set<T> values = new java.util.HashSet<>(known);
        values.add(none);
        return values;
    }

    /*
     * Hourly series: the facts of the range (at most 7 days, by the local hour index), narrowed by the filters. Facts
     * are per-conversation contributions, not events, and carry their hour.
     */
    private List<Row> hourRows(MetricsQuery query, MetricsLabels labels) {
        var params = new MapSqlParameterSource("from", query.from().atStartOfDay())
                .addValue("to", query.to().plusDays(1).atStartOfDay());
        List<String> where = new ArrayList<>(List.of("period_hour >= :from", "period_hour < :to"));
        Set<String> channels = channels(query.filter(), labels);
        if (channels != null && channels.isEmpty()) {
            return List.of();
        }
        in(where, params, "channel_account_id", "ch", channels == null ? Set.of() : channels);
        in(where, params, "team_id", "teams", query.filter().teamIds());
        in(where, params, "agent_id", "agents", query.filter().agentIds());
        in(where, params, "intent", "intents", query.filter().intents());
        return named.query("select " + FactTable.COLUMNS + " from metric_fact where " + String.join(" and ", where),
                params, (rs, i) -> {
                    Fact fact = FactTable.fact(rs);
                    FactKey key = fact.key;
                    return new Row(new RollupKey(RollupKey.DAY, key.channelAccountId(), key.teamId(), key.agentId(),
                            key.intent(), key.hour()), fact.totals());
                });
    }

    private List<Row> read(List<String> where, MapSqlParameterSource params) {
        return named.query("select " + RollupTable.KEY_COLUMNS + ", " + RollupTable.VALUE_COLUMNS
                + " from metric_rollup where " + String.join(" and ", where), params,
                (rs, i) -> new Row(RollupTable.key(rs), RollupTable.totals(rs)));
    }

    /* The accounts the channel filters allow, null for any; empty when nothing can match. */
    private static Set<String> channels(MetricsFilter filter, MetricsLabels labels) {
        if (filter.channelAccountIds().isEmpty() && filter.channelKinds().isEmpty()) {
            return null;
        }
        Set<String> ofKinds = labels.channels.entrySet().stream()
                .filter(e -> filter.channelKinds().contains(e.getValue().kind())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (filter.channelKinds().isEmpty()) {
            return filter.channelAccountIds();
        }
        if (filter.channelAccountIds().isEmpty()) {
            return ofKinds;
        }
        return filter.channelAccountIds().stream().filter(ofKinds::contains).collect(Collectors.toSet());
    }

    /* Adds "column in (...)", or the "any" level for null; an empty set matches nothing (false). */
    private static boolean condition(List<String> where, MapSqlParameterSource params, String column, String name,
            Set<?> values, String any) {
        if (values == null) {
            where.add(column + " = " + any);
            return true;
        }
        if (values.isEmpty()) {
            return false;
        }
        where.add(column + " in (:" + name + ")");
        params.addValue(name, values);
        return true;
    }

    private static <T> Set<T> anyIfEmpty(Set<T> values) {
        return values.isEmpty() ? null : values;
    }

    private static void in(List<String> where, MapSqlParameterSource params, String column, String name,
            Set<?> values) {
        if (!values.isEmpty()) {
            where.add(column + " in (:" + name + ")");
            params.addValue(name, values);
        }
    }

    private static List<LocalDateTime> bucketStarts(MetricsQuery query) {
        List<LocalDateTime> starts = new ArrayList<>();
        LocalDateTime end = query.to().plusDays(1).atStartOfDay();
        for (LocalDateTime t = query.from().atStartOfDay(); t.isBefore(end); ) {
            LocalDateTime start = bucketOf(query, t);
            if (starts.isEmpty() || !starts.getLast().equals(start)) {
                starts.add(start);
            }
            t = switch (query.granularity()) {
                case HOUR -> t.plusHours(1);
                case DAY, WEEK -> t.plusDays(1);
            };
        }
        return starts;
    }

    /* The bucket a row's period falls into; a week starts on Monday, or at the range's start. */
    private static LocalDateTime bucketOf(MetricsQuery query, LocalDateTime period) {
        return switch (query.granularity()) {
            case HOUR -> period;
            case DAY -> period.toLocalDate().atStartOfDay();
            case WEEK -> {
                LocalDate monday = period.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield (monday.isBefore(query.from()) ? query.from() : monday).atStartOfDay();
            }
        };
    }
}
