--liquibase formatted sql

--changeset switchboard:0025-automation-pending
-- Automation triggers that act on an event (a customer message, a new conversation, an SLA breach) and have
-- enabled rules are written here in the transaction that caused them and deleted once the worker has run them, so a
-- portal that stops between the commit and the worker (or a full queue) delays those rules instead of losing them
-- (docs/automation.md). Rows stay only while a trigger waits; the catch-up runs those older than a few minutes.
CREATE TABLE automation_pending (
    id CHAR(36) NOT NULL PRIMARY KEY,
    trigger_type VARCHAR(40) NOT NULL,
    conversation_id BIGINT NOT NULL,
    message_id BIGINT,
    channel_account_id VARCHAR(36),
    created_at DATETIME(6) NOT NULL,
    INDEX ix_automation_pending_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE automation_pending;
