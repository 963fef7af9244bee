/**
 * Automation rules: when something happens to a conversation (a customer's message, the conversation created or
 * updated, an SLA breached) and all of a rule's conditions hold, its actions run (assign, label, priority, status,
 * a canned reply, notify agents). Admins configure the rules; the engine runs them after commit on a worker of its
 * own, never in the way of ingestion or an agent's click, and changes made by rules never trigger rules again.
 * Writes go through the conversation, outbound and collaboration services. See docs/automation.md.
 */
package org.switchboard.portal.automation;
