/**
 * The agents' inbox lists: views (All, Mine, Unassigned, My teams), filters and sorts with keyset pagination,
 * full-text search with highlighted matches, saved views and bulk actions.
 */
package org.switchboard.portal.inbox;
