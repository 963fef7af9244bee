/**
 * On-demand benchmarks of the portal: each starts the real application in-process, drives it through its public
 * endpoints, and prints its figures beside a raw baseline measured in the same run. Nothing here asserts a timing;
 * a benchmark fails only when the portal answered wrongly or stored the wrong data.
 */
package org.switchboard.benchmarks;
