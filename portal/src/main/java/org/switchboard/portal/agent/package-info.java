/**
 * Agents, supervisors and admins: accounts, roles, teams, login. Roles are enforced on the server for every view
 * and endpoint.
 */
package org.switchboard.portal.agent;
