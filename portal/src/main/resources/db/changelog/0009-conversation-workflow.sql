--liquibase formatted sql

--changeset switchboard:0009-conversation-workflow
-- What the agents' inbox filters and sorts on besides status and assignee (issue 6):
--  labels: free-form tags agents and rules put on a conversation;
--  snoozed_until / snooze_until_reply: a snoozed conversation comes back at a time, or when the customer writes;
--  intent / sentiment: the latest classification of the customer's messages (the events keep the history);
--  waiting_since: the oldest customer message not yet answered by a human or the bot (null when answered);
--  sla_due_at / sla_breached: the earliest unmet SLA target's due time, and whether any target was missed —
--  kept by the SLA package so the inbox can filter and sort without computing business hours per row.
CREATE TABLE conversation_label (
    conversation_id BIGINT NOT NULL,
    label VARCHAR(64) NOT NULL,
    PRIMARY KEY (conversation_id, label),
    CONSTRAINT fk_conversation_label_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_conversation_label_label ON conversation_label (label, conversation_id);
ALTER TABLE conversation ADD COLUMN snoozed_until DATETIME(6);
ALTER TABLE conversation ADD COLUMN snooze_until_reply BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversation ADD COLUMN intent VARCHAR(64);
ALTER TABLE conversation ADD COLUMN sentiment VARCHAR(32);
ALTER TABLE conversation ADD COLUMN waiting_since DATETIME(6);
ALTER TABLE conversation ADD COLUMN sla_due_at DATETIME(6);
ALTER TABLE conversation ADD COLUMN sla_breached BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_conversation_snoozed ON conversation (status, snoozed_until);
CREATE INDEX ix_conversation_team ON conversation (team_id, status, last_activity_at, id);
CREATE INDEX ix_conversation_sla_due ON conversation (status, sla_due_at, id);
CREATE INDEX ix_conversation_waiting ON conversation (status, waiting_since, id);
--rollback DROP INDEX ix_conversation_waiting ON conversation; DROP INDEX ix_conversation_sla_due ON conversation; DROP INDEX ix_conversation_team ON conversation; DROP INDEX ix_conversation_snoozed ON conversation; ALTER TABLE conversation DROP COLUMN sla_breached; ALTER TABLE conversation DROP COLUMN sla_due_at; ALTER TABLE conversation DROP COLUMN waiting_since; ALTER TABLE conversation DROP COLUMN sentiment; ALTER TABLE conversation DROP COLUMN intent; ALTER TABLE conversation DROP COLUMN snooze_until_reply; ALTER TABLE conversation DROP COLUMN snoozed_until; DROP TABLE conversation_label;
