/**
 * The agent UI (Vaadin Flow): login, main layout, inbox, conversation, plugins. Views call application services
 * only, never repositories.
 */
package org.switchboard.portal.ui;
