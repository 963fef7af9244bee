--liquibase formatted sql

--changeset switchboard:0020-users-security
-- Users, roles, audit (issue 8).
--  agent.last_sign_in_at: when the agent last signed in (form or OIDC), shown to admins.
--  agent_invitation: an emailed link that lets a new agent set their password. Only the SHA-256 of the token is
--    stored; a link works once (used_at) and until expires_at. A newer invitation revokes the older ones (used_at
--    set without a password being chosen).
--  audit_entry indexes: the audit log view filters by actor and action within a date range.
ALTER TABLE agent ADD COLUMN last_sign_in_at DATETIME(6) NULL;

CREATE SEQUENCE agent_invitation_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE agent_invitation (
    id BIGINT NOT NULL PRIMARY KEY,
    agent_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6),
    CONSTRAINT uk_agent_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_agent_invitation_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, occurred_at);
CREATE INDEX ix_audit_entry_action ON audit_entry (action, occurred_at);
--rollback DROP INDEX ix_audit_entry_action ON audit_entry; DROP INDEX ix_audit_entry_actor ON audit_entry; DROP TABLE agent_invitation; DROP SEQUENCE agent_invitation_seq; ALTER TABLE agent DROP COLUMN last_sign_in_at;
