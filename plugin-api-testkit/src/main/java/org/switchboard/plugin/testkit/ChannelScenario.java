package org.switchboard.plugin.testkit;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * Plays one provider towards a connector: writes its webhook deliveries (signed as the provider signs them) and
 * scripts its API's answers on a {@link ProviderStub}.
 *
 * <p>Write a scenario from the provider's public documentation, not from the connector's code, and keep it free
 * of the connector's classes: the portal's own round-trip tests reuse it against the plugin JAR.
 */
public interface ChannelScenario {

    /** The connector id ({@code ChannelDescriptor.id()}) this scenario plays the provider for. */
    String connectorId();

    /** A valid account configuration whose provider API calls go to {@code providerBaseUrl}. */
    Map<String, String> config(URI providerBaseUrl);

    /** The configuration keys whose values are secrets; their values must never leak out of the connection. */
    Set<String> secretKeys();

    /** Whether the provider delivers by webhook; {@code false} skips the webhook checks (e.g. IMAP email). */
    default boolean receivesWebhooks() {
        return true;
    }

    /** A sender as the provider names it, e.g. a WhatsApp {@code wa_id}. */
    String sampleSender();

    /** The canonical identity the connector must report for {@code sender}. */
    Identity expectedSender(String sender);

    /** The external id the connector must give the message the provider calls {@code providerMessageId}. */
    default String expectedExternalId(String providerMessageId) {
        return providerMessageId;
    }

    /**
     * A correctly signed delivery of one text message, as the provider posts it to {@code webhookUrl}.
     *
     * @param webhookUrl        the account's public webhook URL (some providers sign it)
     * @param providerMessageId the provider's id of the message
     * @param sender            the sender as the provider names it
     * @param text              the message text
     */
    WebhookRequest inboundText(URI webhookUrl, String providerMessageId, String sender, String text);

    /** A correctly signed status callback for a message we sent, or empty if the channel has none. */
    Optional<WebhookRequest> statusUpdate(URI webhookUrl, String providerMessageId, DeliveryStatus status);

    /** {@code signed} without its signature. */
    WebhookRequest withoutSignature(WebhookRequest signed);

    /** {@code signed} with a signature made with the wrong secret (or over other content). */
    WebhookRequest withWrongSignature(WebhookRequest signed);

    /** A correctly signed delivery whose body the provider's format cannot parse. */
    WebhookRequest malformed(URI webhookUrl);

    /** Further documented payload samples (media, locations, reactions...) with the events they must become. */
    default List<WebhookFixture> documentedFixtures(URI webhookUrl) {
        return List.of();
    }

    /** Whom outbound messages in the contract are addressed to. */
    Identity recipient();

    /** Scripts the provider's answer to the next send. */
    void arrangeSend(ProviderStub provider, SendOutcome outcome);

    /** The provider's message id that {@link SendOutcome#ACCEPTED} answers with. */
    String acceptedMessageId();

    /** Words of the provider's reason that {@link SendOutcome#PERMANENT} answers with. */
    String permanentReason();
}
