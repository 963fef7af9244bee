package org.switchboard.portal.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * Versioned rows updated together go to the database as one JDBC batch; a stale one among them must still fail the
 * transaction. That needs the driver to report each batched update's row count, which MariaDB Connector/J does not
 * with {@code useBulkStmts=true} (the portal's embedded database URL had it): the stale update then committed
 * silently over the newer row.
 */
@PortalTest
class BatchedVersionCheckTest extends PortalTest.Base {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DataSource dataSource;

    @Autowired
    CsatSurveyRepository surveys;

    @Autowired
    PlatformTransactionManager transactions;

    @PersistenceContext
    EntityManager entityManager;

    @Test
    void a_stale_row_among_batched_updates_fails_the_whole_transaction() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        TransactionTemplate meanwhile = new TransactionTemplate(transactions);
        meanwhile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long first = scheduledSurvey(jdbc);
        long second = scheduledSurvey(jdbc);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            CsatSurvey a = entityManager.find(CsatSurvey.class, first);
            CsatSurvey b = entityManager.find(CsatSurvey.class, second);
            meanwhile.executeWithoutResult(s -> surveys.findById(second).orElseThrow().skip("sent by another node"));
            a.skip("batched with a stale one");
            b.skip("stale");
        })).isInstanceOf(ConcurrencyFailureException.class);

        assertThat(jdbc.queryForObject("select status from csat_survey where id = ?", String.class, first))
                .as("rolled back with the stale one").isEqualTo("SCHEDULED");
        assertThat(jdbc.queryForObject("select skip_reason from csat_survey where id = ?", String.class, second))
                .as("the newer row is kept").isEqualTo("sent by another node");
    }

    private long scheduledSurvey(JdbcTemplate jdbc) {
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        Inbound.Written written = inbound.writes(inbound.account("Batched versions"),
                Identity.email("batched-" + UUID.randomUUID() + "@example.com"), "Bo", "Thanks!");
        Instant now = Instant.now();
        return surveys.save(new CsatSurvey(written.conversationId(), written.customerId(), null, null, null, now,
                now, now)).getId();
    }
}
