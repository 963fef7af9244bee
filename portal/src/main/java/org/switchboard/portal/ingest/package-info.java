/**
 * The inbound pipeline: provider webhooks in, canonical events stored (identity resolution, threading,
 * deduplication) before the provider gets its 2xx.
 */
package org.switchboard.portal.ingest;
