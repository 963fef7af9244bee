/**
 * Shop orders as customer data: one configurable GET request to a shop's REST/JSON endpoint per customer lookup,
 * its answer read leniently (a plain array, or Shopify-/WooCommerce-like objects) into order and subscription
 * records.
 *
 * <p>This package owns the request (placeholders filled from the customer's identities and URL-encoded, the
 * shop's credential in a header, one deadline for the whole exchange, a size limit on the answer), the mapping
 * of the shop's JSON to {@link org.switchboard.plugin.api.customer.CustomerRecord}s, and the wording of failures
 * shown to agents (HTTP status and the shop's own error text, never a secret or a customer's address). It keeps
 * nothing: every lookup asks the shop again.
 *
 * <p>Only {@link org.switchboard.plugins.shoporders.ShopOrdersPlugin} and
 * {@link org.switchboard.plugins.shoporders.ShopOrdersProvider} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.shoporders;
