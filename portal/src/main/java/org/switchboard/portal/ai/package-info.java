/**
 * AI in the portal: after a customer's message is stored, classifier plugins label it (intent, sentiment), the
 * assistant plugin answers routine requests or hands over with a summary, and every decision is recorded as a
 * conversation event. Runs beside ingestion, never in its way.
 */
package org.switchboard.portal.ai;
