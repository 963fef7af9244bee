--liquibase formatted sql

--changeset switchboard:0001-sequences
CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE customer_identity_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE conversation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE message_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE conversation_event_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE agent_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE team_seq START WITH 1 INCREMENT BY 50;
--rollback DROP SEQUENCE team_seq; DROP SEQUENCE agent_seq; DROP SEQUENCE outbox_seq; DROP SEQUENCE conversation_event_seq; DROP SEQUENCE message_seq; DROP SEQUENCE conversation_seq; DROP SEQUENCE customer_identity_seq; DROP SEQUENCE customer_seq;

--changeset switchboard:0001-agents
CREATE TABLE team (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_team_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent (
    id BIGINT NOT NULL PRIMARY KEY,
    email VARCHAR(320) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL,
    password_change_required BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_agent_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_role (
    agent_id BIGINT NOT NULL,
    role VARCHAR(20) NOT NULL,
    PRIMARY KEY (agent_id, role),
    CONSTRAINT fk_agent_role_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE team_member (
    team_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    PRIMARY KEY (team_id, agent_id),
    CONSTRAINT fk_team_member_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_member_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE team_member; DROP TABLE agent_role; DROP TABLE agent; DROP TABLE team;

--changeset switchboard:0001-customers
CREATE TABLE customer (
    id BIGINT NOT NULL PRIMARY KEY,
    display_name VARCHAR(200),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One identity belongs to exactly one customer: (kind, value) is unique, value is normalised.
CREATE TABLE customer_identity (
    id BIGINT NOT NULL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    kind VARCHAR(50) NOT NULL,
    identity_value VARCHAR(320) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_customer_identity UNIQUE (kind, identity_value),
    CONSTRAINT fk_customer_identity_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_customer_identity_customer ON customer_identity (customer_id);
--rollback DROP TABLE customer_identity; DROP TABLE customer;

--changeset switchboard:0001-channel-accounts
CREATE TABLE channel_account (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    connector_id VARCHAR(100) NOT NULL,
    -- JSON object of the configuration; secret fields are encrypted values (see SecretCipher).
    config LONGTEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE channel_account;

--changeset switchboard:0001-conversations
CREATE TABLE conversation (
    id BIGINT NOT NULL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    priority VARCHAR(20) NOT NULL,
    subject VARCHAR(500),
    assignee_id BIGINT,
    team_id BIGINT,
    last_channel_account_id VARCHAR(36),
    last_message_id BIGINT,
    last_message_preview VARCHAR(300),
    last_activity_at DATETIME(6) NOT NULL,
    last_inbound_at DATETIME(6),
    unread_count INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    resolved_at DATETIME(6),
    version BIGINT NOT NULL,
    CONSTRAINT fk_conversation_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_conversation_assignee FOREIGN KEY (assignee_id) REFERENCES agent (id),
    CONSTRAINT fk_conversation_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT fk_conversation_channel FOREIGN KEY (last_channel_account_id) REFERENCES channel_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The inbox lists by status ordered by last activity; keyset pagination on (last_activity_at, id).
CREATE INDEX ix_conversation_inbox ON conversation (status, last_activity_at, id);
CREATE INDEX ix_conversation_customer ON conversation (customer_id, status);

CREATE TABLE message (
    id BIGINT NOT NULL PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    channel_account_id VARCHAR(36),
    direction VARCHAR(10) NOT NULL,
    author_agent_id BIGINT,
    author_name VARCHAR(200),
    identity_kind VARCHAR(50),
    identity_value VARCHAR(320),
    body_text LONGTEXT NOT NULL,
    body_html LONGTEXT,
    external_id VARCHAR(255),
    delivery_status VARCHAR(20),
    failure_reason VARCHAR(1000),
    created_at DATETIME(6) NOT NULL,
    sent_at DATETIME(6),
    CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT fk_message_channel FOREIGN KEY (channel_account_id) REFERENCES channel_account (id),
    CONSTRAINT fk_message_author FOREIGN KEY (author_agent_id) REFERENCES agent (id),
    -- A provider redelivering a message must not store it twice.
    CONSTRAINT uk_message_external UNIQUE (channel_account_id, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_message_conversation ON message (conversation_id, created_at, id);
CREATE INDEX ix_message_identity ON message (channel_account_id, identity_kind, identity_value, id);

CREATE TABLE conversation_event (
    id BIGINT NOT NULL PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    agent_id BIGINT,
    channel_account_id VARCHAR(36),
    detail VARCHAR(1000),
    CONSTRAINT fk_conversation_event_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT fk_conversation_event_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_conversation_event_conversation ON conversation_event (conversation_id, occurred_at);
CREATE INDEX ix_conversation_event_type_time ON conversation_event (event_type, occurred_at);
--rollback DROP TABLE conversation_event; DROP TABLE message; DROP TABLE conversation;

--changeset switchboard:0001-outbox
-- One row per outbound message still to deliver; deleted once sent or given up.
CREATE TABLE outbox (
    id BIGINT NOT NULL PRIMARY KEY,
    message_id BIGINT NOT NULL,
    channel_account_id VARCHAR(36) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    last_error VARCHAR(1000),
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_outbox_message UNIQUE (message_id),
    CONSTRAINT fk_outbox_message FOREIGN KEY (message_id) REFERENCES message (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_outbox_due ON outbox (next_attempt_at);
--rollback DROP TABLE outbox;
