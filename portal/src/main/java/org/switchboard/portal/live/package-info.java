/**
 * Live updates: committed conversation changes fanned out to open agent UIs (which push them to browsers).
 * In-process only for now: several nodes need a broker or database notifications (see docs/decisions.md).
 */
package org.switchboard.portal.live;
