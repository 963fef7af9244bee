/**
 * The newcomer's demo: on first start a website-chat account is created and {@code /demo} serves a page with its
 * widget, so the whole loop (visitor writes, agent answers) works without configuring anything.
 */
package org.switchboard.portal.demo;
