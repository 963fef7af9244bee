package org.switchboard.portal.search;

/**
 * One kind's rows and documents. The latest rows (written in the {@value IndexCensus#LATEST_SECONDS} seconds before
 * the kind's latest write) are indexed again at every start, so only the older ones must agree.
 *
 * @param rows            rows in the table
 * @param recentRows      of which the latest
 * @param documents       documents of the kind in the index
 * @param recentDocuments of which documents of the latest rows
 */
record KindCensus(IndexedKind kind, long rows, long recentRows, long documents, long recentDocuments) {

    boolean inStep() {
        return rows - recentRows == documents - recentDocuments;
    }
}
