package org.switchboard.portal.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Group commit of inbound deliveries.
 *
 * @param writers       writer threads, each with its own queue; a delivery goes to the one its sender hashes to, and
 *                      a writer locks the open conversations it writes to, so two writers never fail each other
 *                      (see docs/ingest.md)
 * @param maxBatch      the most deliveries stored in one transaction
 * @param queueCapacity deliveries that may wait for the writer; beyond that, webhooks get 503
 * @param waitSeconds   how long a webhook waits for its commit before answering 503
 */
@ConfigurationProperties("switchboard.ingest")
public record IngestProperties(int writers, int maxBatch, int queueCapacity, int waitSeconds) {

    public IngestProperties {
        // Two: on 2 cores, once a batch's conversation updates went as one JDBC batch, two writers took 2,171-2,218
        // msg/s against 1,765-2,101 with one (32 concurrent webhooks, docs/ingest.md); more cores may want more.
        writers = writers <= 0 ? 2 : writers;
        maxBatch = maxBatch <= 0 ? 100 : maxBatch;
        queueCapacity = queueCapacity <= 0 ? 5_000 : queueCapacity;
        waitSeconds = waitSeconds <= 0 ? 30 : waitSeconds;
    }
}
