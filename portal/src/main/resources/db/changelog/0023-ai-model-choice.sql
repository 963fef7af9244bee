--liquibase formatted sql

--changeset switchboard:0023-ai-model-choice
-- Which installed model does each AI task, for the whole workspace (channel_account_id '') or one channel account
-- (overrides the workspace). model_key: '<plugin id>/<model id>' or 'off'. No row: the workspace's choice, else the
-- first installed model (docs/ai-models.md).
CREATE TABLE ai_model_choice (
    channel_account_id VARCHAR(36) NOT NULL,
    task VARCHAR(16) NOT NULL,
    model_key VARCHAR(200) NOT NULL,
    changed_by VARCHAR(320) NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (channel_account_id, task)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE ai_model_choice;
