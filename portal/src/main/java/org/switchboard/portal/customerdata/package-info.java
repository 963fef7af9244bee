/**
 * Customer data from other systems through {@code CustomerDataProvider} plugins: admins configure data sources
 * (a shop's order API...), agents see each customer's records beside the conversation.
 */
package org.switchboard.portal.customerdata;
