/**
 * Small in-memory caches for settings read on every stored message (automation rules, SLA policies), so the work
 * after each message does not query tables that change a few times a day.
 */
package org.switchboard.portal.cache;
