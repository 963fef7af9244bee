package org.switchboard.portal.privacy;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer records of one person: the customer asked for (or the one it was merged into) and every customer
 * merged into that one. Merged records may still hold data (tags and values the survivor had already).
 */
final class CustomerGroup {

    private CustomerGroup() {
    }

    /** The ids, survivor first; empty when there is no such customer. */
    static List<Long> of(JdbcTemplate jdbc, long customerId) {
        List<Long> survivor = jdbc.queryForList(
                "select coalesce(merged_into_id, id) from customer where id = ?", Long.class, customerId);
        if (survivor.isEmpty()) {
            return List.of();
        }
        long id = survivor.getFirst();
        return jdbc.queryForList("select id from customer where id = ? or merged_into_id = ? order by id = ? desc, id",
                Long.class, id, id, id);
    }
}
