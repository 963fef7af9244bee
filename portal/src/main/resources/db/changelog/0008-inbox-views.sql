--liquibase formatted sql

--changeset switchboard:0008-conversation-assignee-index
-- "Mine" lists an agent's conversations by status and last activity, keyset-paged.
CREATE INDEX ix_conversation_assignee ON conversation (assignee_id, status, last_activity_at, id);
--rollback DROP INDEX ix_conversation_assignee ON conversation;
