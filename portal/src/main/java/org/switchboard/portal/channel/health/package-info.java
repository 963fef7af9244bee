/**
 * Channel account health for admins: last inbound and outbound message, the outbound error rate, the connector's
 * own health check, and sending a test message through an account.
 */
package org.switchboard.portal.channel.health;
