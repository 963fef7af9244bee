package org.switchboard.portal.ai;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.ai.ConversationSnapshot;
import org.switchboard.plugin.api.ai.CustomerSnapshot;
import org.switchboard.plugin.api.ai.SnapshotMessage;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationDetail;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.customer.CustomerProfile;

/** Read-only views of a conversation and a customer, the only form in which models see them. */
@Component
class ConversationSnapshots {

    /** Long conversations are cut to their latest messages: models need the recent context, not all of it. */
    static final int MAX_MESSAGES = 50;

    private final ChannelAccounts accounts;

    ConversationSnapshots(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    ConversationSnapshot of(ConversationDetail detail) {
        Map<String, String> connectors = accounts.list().stream()
                .collect(Collectors.toMap(ChannelAccountView::id, ChannelAccountView::connectorId));
        List<MessageView> messages = detail.messages();
        List<SnapshotMessage> recent = messages.subList(Math.max(0, messages.size() - MAX_MESSAGES), messages.size())
                .stream().filter(m -> m.direction() != MessageDirection.SYSTEM)
                .map(m -> new SnapshotMessage(author(m), m.channelAccountId() == null ? null
                        : connectors.get(m.channelAccountId()), m.authorName(), m.text(), m.createdAt()))
                .toList();
        String lastChannel = detail.summary().channelAccountId() == null ? null
                : connectors.get(detail.summary().channelAccountId());
        return new ConversationSnapshot(Long.toString(detail.summary().id()), detail.summary().subject(), lastChannel,
                recent);
    }

    CustomerSnapshot of(CustomerProfile profile) {
        List<Identity> identities = profile.identities().stream()
                .map(i -> new Identity(new IdentityKind(i.kind()), i.value())).toList();
        return new CustomerSnapshot(Long.toString(profile.id()), profile.displayName(), profile.language(), identities,
                profile.attributes());
    }

    private static SnapshotMessage.Author author(MessageView message) {
        return switch (message.direction()) {
            case IN -> SnapshotMessage.Author.CUSTOMER;
            case OUT -> message.authorAgentId() == null ? SnapshotMessage.Author.BOT : SnapshotMessage.Author.AGENT;
            default -> SnapshotMessage.Author.NOTE;
        };
    }
}
