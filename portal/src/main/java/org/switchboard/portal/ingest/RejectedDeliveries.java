package org.switchboard.portal.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * Keeps refused-as-malformed deliveries for admins. Bodies are capped ({@value #MAX_BODY} bytes) and credentials
 * in headers are not kept: the list is for seeing what a sender got wrong, not a second copy of secrets.
 */
@Service
public class RejectedDeliveries {

    private static final Logger log = LoggerFactory.getLogger(RejectedDeliveries.class);
    static final int MAX_BODY = 64 * 1024;
    private static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "cookie", "proxy-authorization",
            "x-telegram-bot-api-secret-token");

    private final RejectedDeliveryRepository deliveries;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    RejectedDeliveries(RejectedDeliveryRepository deliveries, PlatformTransactionManager transactions, Clock clock) {
        this.deliveries = deliveries;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Keeps a refused delivery; if the database is away, logs it instead (the sender got its 4xx either way). */
    void keep(String accountId, WebhookRequest request, int status, String reason) {
        byte[] body = request.body();
        boolean truncated = body.length > MAX_BODY;
        RejectedDelivery delivery = new RejectedDelivery(accountId, clock.instant(), status, reason,
                request.method(), request.subPath(), request.remoteAddress(), headersOf(request),
                truncated ? Arrays.copyOf(body, MAX_BODY) : body, truncated);
        try {
            ownTransaction.executeWithoutResult(tx -> deliveries.save(delivery));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Rejected delivery for account {} not kept (database unavailable): {} {}", accountId, status,
                    reason);
        }
    }

    private static String headersOf(WebhookRequest request) {
        return request.headers().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + (HIDDEN_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))
                        ? "(hidden)" : String.join(", ", e.getValue())))
                .collect(Collectors.joining("\n"));
    }

    /** The latest refused deliveries, newest first (bodies not loaded). */
    @Transactional(readOnly = true)
    public List<RejectedDeliveryView> latest(int limit) {
        return deliveries.findAllByOrderByReceivedAtDescIdDesc(Limit.of(limit)).stream()
                .map(RejectedDeliveries::view).toList();
    }

    /** One refused delivery with its body as text. */
    @Transactional(readOnly = true)
    public Optional<String> body(long id) {
        return deliveries.findById(id).map(d -> new String(d.getBody(), StandardCharsets.UTF_8)
                + (d.isBodyTruncated() ? "\n… (truncated at " + MAX_BODY + " bytes)" : ""));
    }

    private static RejectedDeliveryView view(RejectedDelivery d) {
        return new RejectedDeliveryView(d.getId(), d.getChannelAccountId(), d.getReceivedAt(), d.getStatus(),
                d.getReason(), d.getMethod(), d.getSubPath(), d.getRemoteAddress(), d.getHeaders());
    }
}
