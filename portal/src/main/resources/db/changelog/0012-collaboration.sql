--liquibase formatted sql

--changeset switchboard:0012-agent-notification
-- What an agent is told about: for now, a colleague mentioned them in a private note. Rows go with their
-- conversation and message (retention, erasure) and with the agent.
CREATE SEQUENCE agent_notification_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE agent_notification (
    id BIGINT NOT NULL PRIMARY KEY,
    agent_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    conversation_id BIGINT NOT NULL,
    message_id BIGINT,
    actor_agent_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    read_at DATETIME(6),
    CONSTRAINT fk_agent_notification_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_notification_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_agent_notification_message FOREIGN KEY (message_id) REFERENCES message (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_notification_actor FOREIGN KEY (actor_agent_id) REFERENCES agent (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The bell counts an agent's unread notifications and lists the latest.
CREATE INDEX ix_agent_notification_agent ON agent_notification (agent_id, read_at, created_at);
--rollback DROP TABLE agent_notification; DROP SEQUENCE agent_notification_seq;

--changeset switchboard:0012-canned-response
-- Saved replies agents insert with "/shortcut". owner_agent_id null = shared with everyone (managed by
-- supervisors and admins), else the agent's own. A shortcut means one response, whoever owns it.
CREATE SEQUENCE canned_response_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE canned_response (
    id BIGINT NOT NULL PRIMARY KEY,
    shortcut VARCHAR(32) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body LONGTEXT NOT NULL,
    owner_agent_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_canned_response_shortcut UNIQUE (shortcut),
    CONSTRAINT fk_canned_response_owner FOREIGN KEY (owner_agent_id) REFERENCES agent (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE canned_response; DROP SEQUENCE canned_response_seq;
