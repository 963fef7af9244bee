/**
 * Customer data from other systems (a shop's orders, subscriptions, refunds), shown beside the conversation so an
 * agent (or the assistant) can answer "where is my order?" without asking the customer to repeat it.
 *
 * <p><b>Incubating</b> (since 0.3.0): may still change in a minor version; changes are listed in the CHANGELOG.
 */
package org.switchboard.plugin.api.customer;
