package org.switchboard.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings of the agent UI: server push for live inboxes, Lumo plus our own style sheet. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/switchboard.css")
public class AppShell implements AppShellConfigurator {
}
