package org.switchboard.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.ingest.InboundPipeline;

/** A lost index (emptied here with Hibernate Search's purge) is rebuilt from the database; a full one is left be. */
@PortalTest
class SearchIndexRebuildTest extends PortalTest.Base {

    @Autowired
    SearchIndexRebuild rebuild;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    EntityManagerFactory entities;

    @Test
    void an_emptied_index_is_rebuilt_from_the_database_and_a_full_one_is_not() throws Exception {
        String word = "rebuild" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String account = accounts.listByConnector("webchat").stream().findFirst()
                .orElseGet(() -> accounts.create("Chat", "webchat", Map.of())).id();
        pipeline.ingest(account, List.of(InboundMessage.text(UUID.randomUUID().toString(),
                Identity.phone("+4930" + (System.nanoTime() % 90_000_000L + 10_000_000L)), "Robin Rebuild",
                "My kettle " + word + " is broken", Instant.now())));
        assertThat(messagesMatching(word)).isEqualTo(1);
        assertThat(rebuild.rebuildIfLost()).as("nothing lost, nothing to do").isEmpty();

        // What a deleted index directory looks like to the portal: no documents at all.
        var everything = Search.mapping(entities).scope(Object.class).workspace();
        everything.purge();
        everything.refresh();
        assertThat(messagesMatching(word)).isZero();

        Duration took = rebuild.rebuildIfLost().orElseThrow().get(2, TimeUnit.MINUTES);

        assertThat(took).isPositive();
        assertThat(messagesMatching(word)).as("found again").isEqualTo(1);
        assertThat(rebuild.rebuildIfLost()).as("full again").isEmpty();
    }

    private long messagesMatching(String word) {
        try (var session = entities.createEntityManager()) {
            return Search.session(session).search(Message.class).where(f -> f.match().field("text").matching(word))
                    .fetchTotalHitCount();
        }
    }
}
