--liquibase formatted sql

--changeset switchboard:0013-saved-view
-- Inbox filters an agent names and keeps; a supervisor can share one with everybody.
CREATE SEQUENCE saved_view_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE saved_view (
    id BIGINT NOT NULL PRIMARY KEY,
    owner_agent_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    shared BOOLEAN NOT NULL,
    criteria_json VARCHAR(4000) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_saved_view_owner FOREIGN KEY (owner_agent_id) REFERENCES agent (id) ON DELETE CASCADE,
    CONSTRAINT uq_saved_view_owner_name UNIQUE (owner_agent_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE saved_view; DROP SEQUENCE saved_view_seq;
