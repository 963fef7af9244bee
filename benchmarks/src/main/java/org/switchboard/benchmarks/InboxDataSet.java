package org.switchboard.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link InboxSeed} wrote, as far as the measurements need it.
 *
 * @param accounts      the four seeded channel accounts (web chat, email, WhatsApp, SMS), web chat first
 * @param teams         team ids
 * @param agents        agent ids
 * @param teamsOfAgent  each agent's teams
 * @param viewer        the agent whose inbox is measured (role AGENT, member of two teams)
 * @param viewerEmail   its login
 * @param password      every seeded agent's password
 * @param conversations conversations written
 * @param messages      messages written
 * @param active        conversations open, pending or snoozed
 * @param seedMillis    how long seeding took
 */
record InboxDataSet(List<String> accounts, List<Long> teams, List<Long> agents, Map<Long, Set<Long>> teamsOfAgent,
        long viewer, String viewerEmail, String password, int conversations, long messages, int active,
        long seedMillis) {
}
