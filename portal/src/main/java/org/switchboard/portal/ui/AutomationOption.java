package org.switchboard.portal.ui;

/**
 * One choice in a rule row's picker: the value stored in the rule (an id, an enum name, a connector id) and what
 * the admin reads.
 */
record AutomationOption(String value, String label) {
}
