package org.switchboard.portal.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollups equal to the sum of every conversation's facts: recomputes the facts of changed conversations
 * (and of their customers' other conversations, for repeat contacts), subtracts the old facts from the rollups and
 * adds the new ones, in one transaction that holds the projection lock (the {@code metric_state} row). Idempotent:
 * a conversation whose signature is unchanged is skipped, and recomputing an unchanged one changes nothing.
 */
@Component
class MetricsProjection {

    private final JdbcTemplate jdbc;
    private final HistoryReader reader;
    private final FactTable facts;
    private final RollupTable rollups;
    private final ReportingCalendar calendar;
    private final TransactionTemplate transaction;

    MetricsProjection(DataSource dataSource, ReportingCalendar calendar, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.reader = new HistoryReader(new NamedParameterJdbcTemplate(jdbc));
        this.facts = new FactTable(jdbc);
        this.rollups = new RollupTable(jdbc);
        this.calendar = calendar;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Brings these conversations' facts and the rollups up to date; waits for the projection lock.
     *
     * @return how many conversations' facts changed, or -1 when a rebuild is running (it will cover them)
     */
    int refresh(Collection<Long> conversationIds) {
        Integer changed = transaction.execute(status -> {
            if (lock()) {
                return -1;
            }
            return refreshLocked(conversationIds, calendar.projector());
        });
        return changed == null ? 0 : changed;
    }

    /** Locks the state row; true when a rebuild is running. */
    private boolean lock() {
        List<Boolean> rebuilding = jdbc.query("select rebuilding_since is not null from metric_state where id = 1"
                + " for update", (rs, i) -> rs.getBoolean(1));
        return !rebuilding.isEmpty() && rebuilding.getFirst();
    }

    private int refreshLocked(Collection<Long> conversationIds, FactProjector projector) {
        Set<Long> touched = new LinkedHashSet<>(conversationIds);
        if (touched.isEmpty()) {
            return 0;
        }
        Map<Long, String> current = reader.signatures(touched);
        Map<Long, String> stored = storedSignatures(touched);
        Set<Long> changed = new LinkedHashSet<>();
        for (Long id : touched) {
            if (!Objects.equals(current.get(id), stored.get(id))) {
                changed.add(id);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        // A customer's conversations depend on each other (repeat contacts): recompute them together.
        Set<Long> customers = new HashSet<>(reader.customersOf(changed).values());
        Set<Long> all = new LinkedHashSet<>(changed);
        all.addAll(reader.conversationsOf(customers));
        Map<Long, List<Fact>> fresh = projector.project(reader.read(all));
        Map<Long, List<Fact>> old = facts.load(all);

        Map<RollupKey, Totals> delta = new HashMap<>();
        Set<Long> rewritten = new LinkedHashSet<>();
        for (Long id : all) {
            List<Fact> before = old.getOrDefault(id, List.of());
            List<Fact> after = fresh.getOrDefault(id, List.of());
            if (before.equals(after)) {
                continue;
            }
            rewritten.add(id);
            before.forEach(f -> addTo(delta, f, -1));
            after.forEach(f -> addTo(delta, f, 1));
        }
        rollups.apply(delta);
        facts.delete(rewritten);
        Map<Long, List<Fact>> inserts = new HashMap<>();
        rewritten.forEach(id -> inserts.put(id, fresh.getOrDefault(id, List.of())));
        facts.insert(inserts);
        storeSignatures(all, reader.signatures(all));
        return rewritten.size();
    }

    /** Adds a fact's totals (sign 1) or removes them (-1) at its 16 daily rows. */
    static void addTo(Map<RollupKey, Totals> rows, Fact fact, int sign) {
        Totals totals = fact.totals();
        for (RollupKey day : RollupKey.daysOf(fact.key)) {
            rows.computeIfAbsent(day, k -> new Totals()).add(totals, sign);
        }
    }


    private Map<Long, String> storedSignatures(Set<Long> ids) {
        Map<Long, String> found = new HashMap<>();
        new NamedParameterJdbcTemplate(jdbc).query("select conversation_id, signature from metric_conversation"
                + " where conversation_id in (:ids)", Map.of("ids", ids), rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                });
        return found;
    }

    /** Inserts signatures of conversations that have none yet (the rebuild: a plain insert is bulk, an upsert not). */
    void insertSignatures(Map<Long, String> signatures) {
        jdbc.batchUpdate("insert into metric_conversation (conversation_id, signature) values (?, ?)",
                List.copyOf(signatures.entrySet()), 1000, (ps, e) -> {
                    ps.setLong(1, e.getKey());
                    ps.setString(2, e.getValue());
                });
    }

    /** Stores signatures; conversations without one (deleted) lose theirs. */
    void storeSignatures(Collection<Long> ids, Map<Long, String> signatures) {
        List<Long> gone = ids.stream().filter(id -> !signatures.containsKey(id)).toList();
        if (!gone.isEmpty()) {
            new NamedParameterJdbcTemplate(jdbc).update("delete from metric_conversation where conversation_id in"
                    + " (:ids)", Map.of("ids", gone));
        }
        jdbc.batchUpdate("insert into metric_conversation (conversation_id, signature) values (?, ?)"
                + " on duplicate key update signature = values(signature)", List.copyOf(signatures.entrySet()), 500,
                (ps, e) -> {
                    ps.setLong(1, e.getKey());
                    ps.setString(2, e.getValue());
                });
    }
}
