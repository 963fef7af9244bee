--liquibase formatted sql

--changeset switchboard:0006-conversation-ai
-- The assistant's hand-over summary (pinned for agents) and its latest suggested reply.
ALTER TABLE conversation ADD COLUMN ai_summary VARCHAR(4000);
ALTER TABLE conversation ADD COLUMN ai_suggestion VARCHAR(4000);
ALTER TABLE conversation ADD COLUMN ai_suggestion_sources VARCHAR(1000);
--rollback ALTER TABLE conversation DROP COLUMN ai_suggestion_sources; ALTER TABLE conversation DROP COLUMN ai_suggestion; ALTER TABLE conversation DROP COLUMN ai_summary;
