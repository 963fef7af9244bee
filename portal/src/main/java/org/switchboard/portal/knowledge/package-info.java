/**
 * The knowledge base: help-centre articles admins write, indexed with Hibernate Search (BM25) so the assistant
 * and agents find the passages that answer a customer's question.
 */
package org.switchboard.portal.knowledge;
