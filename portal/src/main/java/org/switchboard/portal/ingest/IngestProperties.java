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
        // One: on 2 cores it formed larger batches and took 9-10% more than two (docs/ingest.md); more cores may
        // want more.
        writers = writers <= 0 ? 1 : writers;
        maxBatch = maxBatch <= 0 ? 100 : maxBatch;
        queueCapacity = queueCapacity <= 0 ? 5_000 : queueCapacity;
        waitSeconds = waitSeconds <= 0 ? 30 : waitSeconds;
    }
}
