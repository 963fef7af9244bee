/** The audit log: an append-only record of security-relevant facts (refused signatures, configuration changes). */
package org.switchboard.portal.audit;
