/**
 * AI as plugins: classifiers (intent, sentiment), a reply assistant that answers or escalates, retrievers of
 * knowledge passages, embedders. Every input is a read-only record (a conversation snapshot across channels, a
 * customer snapshot, customer data, passages), never a host entity.
 *
 * <p><b>Incubating</b> (since 0.4.0): may still change in a minor version; changes are listed in the CHANGELOG.
 */
package org.switchboard.plugin.api.ai;
