/**
 * Triage rules: what the classifiers found (intent, sentiment), the channel and the customer's attributes decide a
 * conversation's priority and team, as admins configure; applied after ingestion, never in its way.
 */
package org.switchboard.portal.triage;
