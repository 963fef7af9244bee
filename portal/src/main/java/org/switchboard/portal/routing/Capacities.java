package org.switchboard.portal.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;

/**
 * How many open (not resolved) conversations of each channel kind the router gives an agent at most. A channel
 * kind is a connector id ("webchat", "email", "whatsapp"): the connector of the conversation's last channel account.
 * Agents without their own limit for a kind get {@link RoutingProperties#defaultMaxOpen()}. Capacity limits the
 * router only: a person may still assign more by hand.
 */
@Service
public class Capacities {

    static final int MAX = 1000;
    public static final String AUDIT_CHANGED = "agent.capacity-changed";

    private final NamedParameterJdbcTemplate sql;
    private final ChannelAccounts accounts;
    private final RoutingProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Capacities(NamedParameterJdbcTemplate sql, ChannelAccounts accounts, RoutingProperties properties,
            AuditLog audit, ApplicationEventPublisher events) {
        this.sql = sql;
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
    }

    public int defaultMaxOpen() {
        return properties.defaultMaxOpen();
    }

    /** The channel kinds a limit can be set for: the connectors of the configured channel accounts. */
    public List<String> channelKinds() {
        return List.copyOf(new TreeSet<>(accounts.list().stream().map(ChannelAccountView::connectorId).toList()));
    }

    /** The agent's own limits by channel kind (kinds without one use the default). */
    @Transactional(readOnly = true)
    public Map<String, Integer> of(long agentId) {
        Map<String, Integer> limits = new TreeMap<>();
        sql.query("select channel_kind, max_open from agent_capacity where agent_id = :id", Map.of("id", agentId),
                rs -> {
                    limits.put(rs.getString(1), rs.getInt(2));
                });
        return limits;
    }

    /** The agents' own limits, by agent and kind (for the router). */
    Map<Long, Map<String, Integer>> of(Collection<Long> agentIds) {
        Map<Long, Map<String, Integer>> limits = new HashMap<>();
        if (!agentIds.isEmpty()) {
            sql.query("select agent_id, channel_kind, max_open from agent_capacity where agent_id in (:ids)",
                    Map.of("ids", agentIds), rs -> {
                        limits.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2),
                                rs.getInt(3));
                    });
        }
        return limits;
    }

    /**
     * Replaces an agent's limits (admins only); a kind mapped to {@code null} or left out uses the default. Raising a
     * limit lets the router assign waiting conversations at once.
     *
     * @throws RoutingException when a limit is negative or above 1000, or a kind is blank (nothing is changed)
     */
    @Transactional
    public void set(long agentId, Map<String, Integer> limits) {
        RoleCheck.require(Role.ADMIN, "set capacities");
        Map<String, Integer> cleaned = new TreeMap<>();
        limits.forEach((kind, max) -> {
            if (kind == null || kind.isBlank()) {
                throw new RoutingException("A capacity needs a channel kind.");
            }
            if (max != null) {
                if (max < 0 || max > MAX) {
                    throw new RoutingException("A capacity is between 0 and " + MAX + " open conversations (got "
                            + max + " for " + kind.strip() + ").");
                }
                cleaned.put(kind.strip(), max);
            }
        });
        Integer exists = sql.queryForObject("select count(*) from agent where id = :id", Map.of("id", agentId),
                Integer.class);
        if (exists == null || exists == 0) {
            throw new RoutingException("There is no agent #" + agentId + ".");
        }
        Map<String, Integer> before = of(agentId);
        sql.update("delete from agent_capacity where agent_id = :id", Map.of("id", agentId));
        cleaned.forEach((kind, max) -> sql.update(
                "insert into agent_capacity (agent_id, channel_kind, max_open) values (:id, :kind, :max)",
                new MapSqlParameterSource("id", agentId).addValue("kind", kind).addValue("max", max)));
        if (!before.equals(cleaned)) {
            audit.recordAfterCommit(RoleCheck.signedIn().orElse("system"), AUDIT_CHANGED, "agent:" + agentId,
                    before + " -> " + cleaned + " (default " + defaultMaxOpen() + ")");
            events.publishEvent(new RoutingSettingsChanged(null, agentId));
        }
    }
}
