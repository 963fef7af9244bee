--liquibase formatted sql

--changeset switchboard:0018-conversation-activity-index
-- The inbox with no status filter pages by (last_activity_at, id) alone; without this index every page sorted all
-- conversations (inbox benchmark, 100k conversations: page 500 p95 75 ms).
CREATE INDEX ix_conversation_activity ON conversation (last_activity_at, id);
--rollback DROP INDEX ix_conversation_activity ON conversation;
