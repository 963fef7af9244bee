/**
 * Service-level agreements: business-hours calendars (weekly hours, holidays, time zone), SLA policies (first
 * response and resolution targets per priority and optionally channel), and the targets of each conversation
 * with their due times, warnings and breaches.
 *
 * <p>The calendar ({@link org.switchboard.portal.sla.BusinessCalendar}) is plain Java, so dashboards can measure
 * durations in business hours with it too. The package reads conversation facts (status, priority, events) with
 * read-only queries and writes to conversations only through
 * {@link org.switchboard.portal.conversation.ConversationWorkflow}. See {@code docs/sla.md} for the rules.
 */
package org.switchboard.portal.sla;
