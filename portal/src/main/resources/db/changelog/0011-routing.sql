--liquibase formatted sql

--changeset switchboard:0011-routing
-- Routing (issue 6): how each team assigns its conversations, agents' availability and capacity.
--  team_routing: a team's assignment mode (MANUAL, ROUND_ROBIN, LEAST_LOADED), whether an agent going offline
--    hands their conversations back to the team, and the round-robin pointer (the member assigned last). A team
--    without a row is MANUAL. The router locks this row (SELECT ... FOR UPDATE) to assign one team's
--    conversations one at a time.
--  agent_availability: ONLINE / AWAY / OFFLINE now, the status the agent chose last (what a new sign-in restores),
--    and when the router last assigned them a conversation (least-loaded ties). No row means OFFLINE. The router
--    locks the candidates' rows so an agent in two teams never goes over capacity.
--  agent_capacity: at most this many open (not resolved) conversations per channel kind (the connector id of
--    the conversation's last channel account) before the router skips the agent; no row means the default
--    (switchboard.routing.default-max-open). 0 means "never route this kind to me".
CREATE TABLE team_routing (
    team_id BIGINT NOT NULL PRIMARY KEY,
    assignment_mode VARCHAR(20) NOT NULL,
    reassign_on_offline BOOLEAN NOT NULL,
    last_assigned_agent_id BIGINT,
    CONSTRAINT fk_team_routing_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_availability (
    agent_id BIGINT NOT NULL PRIMARY KEY,
    status VARCHAR(20) NOT NULL,
    chosen_status VARCHAR(20) NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    last_assigned_at DATETIME(6),
    CONSTRAINT fk_agent_availability_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_capacity (
    agent_id BIGINT NOT NULL,
    channel_kind VARCHAR(100) NOT NULL,
    max_open INT NOT NULL,
    PRIMARY KEY (agent_id, channel_kind),
    CONSTRAINT fk_agent_capacity_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE agent_capacity; DROP TABLE agent_availability; DROP TABLE team_routing;
