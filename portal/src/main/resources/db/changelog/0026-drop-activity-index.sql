--liquibase formatted sql

--changeset switchboard:0026-drop-conversation-activity-index
-- The inbox with no status filter now reads each status through ix_conversation_inbox (status, last_activity_at, id)
-- and merges, as it already did for several statuses. ix_conversation_activity (0018) served only that list, and it
-- moved with every message a conversation got (docs/ingest.md, Performance).
DROP INDEX ix_conversation_activity ON conversation;
--rollback CREATE INDEX ix_conversation_activity ON conversation (last_activity_at, id);
