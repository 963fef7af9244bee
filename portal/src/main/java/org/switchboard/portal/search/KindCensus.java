package org.switchboard.portal.search;

import java.time.Instant;

/**
 * One kind's rows and documents. The latest rows (written in the {@value IndexCensus#LATEST_SECONDS} seconds before
 * the kind's latest write) are indexed again at every start, so only the older ones must agree.
 *
 * @param latestWrite     when the kind's latest row was written, or {@code null} when its table is empty
 * @param rows            rows in the table
 * @param recentRows      of which the latest
 * @param documents       documents of the kind in the index
 * @param recentDocuments of which documents of the latest rows
 */
record KindCensus(IndexedKind kind, Instant latestWrite, long rows, long recentRows, long documents,
        long recentDocuments) {

    boolean inStep() {
        return rows - recentRows == documents - recentDocuments;
    }

    /** From when the kind's rows count as its latest writes, or {@code null} when its table is empty. */
    Instant recentSince() {
        return latestWrite == null ? null : latestWrite.minusSeconds(IndexCensus.LATEST_SECONDS);
    }
}
