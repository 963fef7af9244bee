package org.switchboard.portal.metrics;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Names of channel accounts, teams and agents for breakdowns (read per request: small tables). */
final class MetricsLabels {

    /** A channel account's name and kind (connector id). */
    record Channel(String name, String kind) {
    }

    final Map<String, Channel> channels = new HashMap<>();
    final Map<Long, String> teams = new HashMap<>();
    final Map<Long, String> agents = new HashMap<>();

    MetricsLabels(JdbcTemplate jdbc) {
        jdbc.query("select id, name, connector_id from channel_account", rs -> {
            channels.put(rs.getString(1), new Channel(rs.getString(2), rs.getString(3)));
        });
        jdbc.query("select id, name from team", rs -> {
            teams.put(rs.getLong(1), rs.getString(2));
        });
        jdbc.query("select id, display_name from agent", rs -> {
            agents.put(rs.getLong(1), rs.getString(2));
        });
    }

    String kindOf(String channelAccountId) {
        Channel channel = channels.get(channelAccountId);
        return channel == null ? FactKey.NONE : channel.kind();
    }

    String label(Dimension dimension, String key) {
        if (key.isEmpty() || key.equals("0")) {
            return "none";
        }
        return switch (dimension) {
            case CHANNEL_ACCOUNT -> {
                Channel channel = channels.get(key);
                yield channel == null ? key : channel.name() + " (" + channel.kind() + ")";
            }
            case CHANNEL_KIND, INTENT -> key;
            case TEAM -> teams.getOrDefault(Long.valueOf(key), "Team #" + key);
            case AGENT -> agents.getOrDefault(Long.valueOf(key), "Agent #" + key);
        };
    }
}
