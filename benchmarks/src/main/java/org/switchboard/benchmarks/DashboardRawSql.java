package org.switchboard.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The baseline: the overview's headline numbers computed straight from {@code conversation_event} (and the SLA
 * rows) with plain SQL over the same year, as a dashboard without rollups would: conversations per day, first
 * response median / p90 / average, resolutions, CSAT score and response rate, escalation rate, first-response SLA
 * breach rate. Days are UTC dates (the benchmark reports in UTC).
 *
 * @param conversationsPerDay conversations started per day
 * @param frtCount            first responses
 * @param frtMedian           nearest-rank median (PERCENTILE_DISC), exact seconds
 * @param frtP90              nearest-rank 90th percentile, exact seconds
 * @param frtAverage          average seconds
 * @param resolutions         conversations whose first resolution falls in the year
 * @param csatSent            surveys sent
 * @param csatRated           surveys rated
 * @param csatSatisfied       ratings of 4 or 5
 * @param botEngaged          conversations the bot first engaged in the year
 * @param escalated           of those, escalated or answered by a human afterwards
 * @param slaDecided          first-response targets met or breached, decided in the year
 * @param slaBreached         of those, breached
 */
record DashboardRawSql(Map<LocalDate, Long> conversationsPerDay, long frtCount, long frtMedian, long frtP90,
        double frtAverage, long resolutions, long csatSent, long csatRated, long csatSatisfied, long botEngaged,
        long escalated, long slaDecided, long slaBreached) {

    static DashboardRawSql run(DataSource db, LocalDateTime from, LocalDateTime to) {
        try (Connection c = db.getConnection()) {
            Map<LocalDate, Long> perDay = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select date(occurred_at), count(*) from conversation_event
                    where event_type in ('CREATED', 'SPLIT_FROM') and occurred_at >= ? and occurred_at < ?
                    group by date(occurred_at)""")) {
                bind(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                    }
                }
            }
            long[] frt = new long[3];
            double[] frtAverage = new double[1];
            try (PreparedStatement s = c.prepareStatement("""
                    select percentile_disc(0.5) within group (order by d) over (),
                           percentile_disc(0.9) within group (order by d) over (),
                           avg(d) over (), count(*) over ()
                    from (select timestampdiff(second, c.occurred_at, f.occurred_at) d
                          from conversation_event f
                          join conversation_event c on c.conversation_id = f.conversation_id
                              and c.event_type = 'CREATED'
                          where f.event_type = 'FIRST_RESPONSE' and f.occurred_at >= ? and f.occurred_at < ?) x
                    limit 1""")) {
                bind(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        frt[0] = rs.getLong(1);
                        frt[1] = rs.getLong(2);
                        frtAverage[0] = rs.getDouble(3);
                        frt[2] = rs.getLong(4);
                    }
                }
            }
            long resolutions = single(c, """
                    select count(*) from (select conversation_id, min(occurred_at) t from conversation_event
                        where event_type = 'RESOLVED' group by conversation_id) r
                    where r.t >= ? and r.t < ?""", from, to)[0];
            long[] csat = single(c, """
                    select count(*), count(r.conversation_id),
                           coalesce(sum(cast(left(r.detail, 1) as unsigned) >= 4), 0)
                    from conversation_event s
                    left join conversation_event r on r.conversation_id = s.conversation_id
                        and r.event_type = 'CSAT_RATED'
                    where s.event_type = 'CSAT_SENT' and s.occurred_at >= ? and s.occurred_at < ?""", from, to);
            long[] bot = single(c, """
                    select count(*), coalesce(sum(x.escalations > 0 or exists (select 1 from conversation_event h
                        where h.conversation_id = x.conversation_id and h.event_type = 'AGENT_REPLY'
                        and h.agent_id is not null and h.occurred_at >= x.first_bot)), 0)
                    from (select conversation_id, min(occurred_at) first_bot, sum(event_type = 'ESCALATED') escalations
                          from conversation_event where event_type in ('BOT_REPLY', 'ESCALATED')
                          group by conversation_id) x
                    where x.first_bot >= ? and x.first_bot < ?""", from, to);
            long[] sla = single(c, """
                    select count(*), coalesce(sum(breached), 0) from (
                        select breached_at is not null or (met_at is not null and met_at > due_at) breached,
                               case when breached_at is not null or met_at > due_at then due_at else met_at end t
                        from conversation_sla where target = 'FIRST_RESPONSE'
                            and (breached_at is not null or met_at is not null)) d
                    where d.t >= ? and d.t < ?""", from, to);
            return new DashboardRawSql(perDay, frt[2], frt[0], frt[1], frtAverage[0], resolutions, csat[0], csat[1],
                    csat[2], bot[0], bot[1], sla[0], sla[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("raw SQL failed", e);
        }
    }

    private static long[] single(Connection c, String sql, LocalDateTime from, LocalDateTime to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, from, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long[] values = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }
    }

    private static void bind(PreparedStatement s, LocalDateTime from, LocalDateTime to) throws SQLException {
        s.setObject(1, from);
        s.setObject(2, to);
    }

    long conversations() {
        return conversationsPerDay.values().stream().mapToLong(Long::longValue).sum();
    }
}
