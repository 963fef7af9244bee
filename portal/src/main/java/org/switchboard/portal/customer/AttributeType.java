package org.switchboard.portal.customer;

/** The type of an admin-defined customer attribute. Names are stored: never rename one. */
public enum AttributeType {
    TEXT, NUMBER, DATE, BOOLEAN, SELECT
}
