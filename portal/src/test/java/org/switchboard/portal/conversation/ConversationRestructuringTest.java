package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.inbox.InboxSearch;
import org.switchboard.portal.ingest.InboundPipeline;

/** Agents merge a customer's two conversations and split one; every message survives, search follows. */
@PortalTest
class ConversationRestructuringTest extends PortalTest.Base {

    @Autowired
    ConversationRestructuring restructuring;

    @Autowired
    ConversationStore store;

    @Autowired
    ConversationQueries queries;

    @Autowired
    InboxSearch search;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    String accountId;
    String phone;

    @BeforeEach
    void account() {
        jdbc = new JdbcTemplate(dataSource);
        accountId = accounts.listByConnector("webchat").stream().findFirst()
                .orElseGet(() -> accounts.create("Chat", "webchat", Map.of())).id();
        phone = "+4930" + (System.nanoTime() % 100_000_000L + 100_000_000L);
    }

    @Test
    void merging_moves_every_message_into_the_target_resolves_the_source_and_search_follows() {
        String word = "mergeword" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        long first = write("Where is my order?");
        store.changeStatus(first, ConversationStatus.RESOLVED, null);
        long second = write("Still no parcel, " + word);
        assertThat(second).isNotEqualTo(first);

        restructuring.merge(second, first, null);

        List<MessageView> merged = queries.detail(first).orElseThrow().messages();
        assertThat(merged).extracting(MessageView::text).containsExactly("Where is my order?",
                "Still no parcel, " + word);
        assertThat(queries.detail(second).orElseThrow().messages()).isEmpty();
        ConversationSummary target = queries.summaries(List.of(first)).getFirst();
        assertThat(target.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(target.preview()).isEqualTo("Still no parcel, " + word);
        assertThat(queries.summaries(List.of(second)).getFirst().status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(search.conversations(word, 10)).extracting(ConversationSummary::id).containsExactly(first);
        assertThat(events(second, "MERGED_AWAY")).isEqualTo(1);
        assertThat(events(first, "MERGED_IN")).isEqualTo(1);
    }

    @Test
    void splitting_moves_the_chosen_message_and_later_ones_into_a_new_conversation_of_the_same_customer() {
        long conversation = write("My order is late");
        write("Also, how do I change my password?");
        write("It says the link expired");
        List<MessageView> before = queries.detail(conversation).orElseThrow().messages();
        assertThat(before).hasSize(3);

        long split = restructuring.split(conversation, before.get(1).id(), null);

        assertThat(queries.detail(conversation).orElseThrow().messages()).extracting(MessageView::text)
                .containsExactly("My order is late");
        assertThat(queries.detail(split).orElseThrow().messages()).extracting(MessageView::text)
                .containsExactly("Also, how do I change my password?", "It says the link expired");
        ConversationSummary original = queries.summaries(List.of(conversation)).getFirst();
        ConversationSummary created = queries.summaries(List.of(split)).getFirst();
        assertThat(created.customerId()).isEqualTo(original.customerId());
        assertThat(original.preview()).isEqualTo("My order is late");
        assertThat(created.unreadCount()).isEqualTo(2);
        assertThat(events(conversation, "SPLIT_AWAY")).isEqualTo(1);
        assertThat(events(split, "SPLIT_FROM")).isEqualTo(1);
    }

    @Test
    void refused_operations_change_nothing() {
        long conversation = write("Only message");
        long firstMessage = queries.detail(conversation).orElseThrow().messages().getFirst().id();
        String otherPhone = "+4940" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        long stranger = writeAs(otherPhone, "Someone else");

        assertThatThrownBy(() -> restructuring.split(conversation, firstMessage, null))
                .isInstanceOf(ConversationOperationException.class);
        assertThatThrownBy(() -> restructuring.merge(stranger, conversation, null))
                .isInstanceOf(ConversationOperationException.class).hasMessageContaining("different customers");
        assertThatThrownBy(() -> restructuring.merge(conversation, conversation, null))
                .isInstanceOf(ConversationOperationException.class);

        assertThat(queries.detail(conversation).orElseThrow().messages()).hasSize(1);
        assertThat(queries.detail(stranger).orElseThrow().messages()).hasSize(1);
    }

    private long write(String text) {
        return writeAs(phone, text);
    }

    private long writeAs(String from, String text) {
        return new Inbound(pipeline, accounts, jdbc).writes(accountId, Identity.phone(from), "Sam Split", text)
                .conversationId();
    }

    private int events(long conversationId, String type) {
        return jdbc.queryForObject("select count(*) from conversation_event where conversation_id = ? and event_type = ?",
                Integer.class, conversationId, type);
    }
}
