package org.switchboard.portal.inbox;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The values the inbox filters offer: agents, teams, and the labels, intents and sentiments in use. */
@Service
public class InboxChoices {

    /** An agent or team to pick. */
    public record Choice(long id, String name) {
    }

    private final JdbcTemplate jdbc;

    InboxChoices(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public List<Choice> agents() {
        return jdbc.query("select id, display_name from agent where enabled = true order by display_name, id",
                (rs, n) -> new Choice(rs.getLong(1), rs.getString(2)));
    }

    public List<Choice> teams() {
        return jdbc.query("select id, name from team order by name, id",
                (rs, n) -> new Choice(rs.getLong(1), rs.getString(2)));
    }

    /** Labels on any conversation, over the label index. */
    public List<String> labels() {
        return jdbc.queryForList("select distinct label from conversation_label order by label", String.class);
    }

    /** Intents in use; read at most once a minute, since it scans the conversations. */
    public List<String> intents() {
        return classifications().intents();
    }

    /** Sentiments in use; read with the intents. */
    public List<String> sentiments() {
        return classifications().sentiments();
    }

    private record Classifications(List<String> intents, List<String> sentiments, long readAt) {
    }

    private volatile Classifications classifications;

    private Classifications classifications() {
        Classifications known = classifications;
        if (known == null || System.nanoTime() - known.readAt() > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
            known = new Classifications(
                    jdbc.queryForList("select distinct intent from conversation where intent is not null"
                            + " order by intent", String.class),
                    jdbc.queryForList("select distinct sentiment from conversation where sentiment is not null"
                            + " order by sentiment", String.class),
                    System.nanoTime());
            classifications = known;
        }
        return known;
    }
}
