/**
 * Full-text search (Hibernate Search, Lucene backend): analysis settings and the conversation search the inbox uses.
 */
package org.switchboard.portal.search;
