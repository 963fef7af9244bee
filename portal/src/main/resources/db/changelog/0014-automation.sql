--liquibase formatted sql

--changeset switchboard:0014-automation-rule
-- Automation rules: when (trigger) if (all conditions) then (actions), evaluated in position order. Conditions
-- and actions are JSON lists (see automation.RuleJson); the teams, agents and canned responses they name are
-- checked when a rule is saved and again when it runs (a deleted one makes that action fail, recorded).
CREATE SEQUENCE automation_rule_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE automation_rule (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL,
    position INT NOT NULL,
    trigger_type VARCHAR(30) NOT NULL,
    conditions_json LONGTEXT NOT NULL,
    actions_json LONGTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_automation_rule_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_automation_rule_trigger ON automation_rule (trigger_type, enabled, position);
--rollback DROP TABLE automation_rule; DROP SEQUENCE automation_rule_seq;

--changeset switchboard:0014-automation-baseline
-- What the automation engine last saw of each conversation's rule-relevant attributes, so "conversation updated"
-- fires when one of them really changed (not when the unread marker or the SLA due time moved), and changes made
-- by rules themselves are folded in and never fire it. Labels: sorted, space-separated.
CREATE TABLE automation_baseline (
    conversation_id BIGINT NOT NULL PRIMARY KEY,
    status VARCHAR(20) NOT NULL,
    priority VARCHAR(20) NOT NULL,
    assignee_id BIGINT,
    team_id BIGINT,
    labels TEXT NOT NULL,
    intent VARCHAR(64),
    sentiment VARCHAR(32),
    CONSTRAINT fk_automation_baseline_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
SET SESSION group_concat_max_len = 1048576;
INSERT INTO automation_baseline (conversation_id, status, priority, assignee_id, team_id, labels, intent, sentiment)
SELECT c.id, c.status, c.priority, c.assignee_id, c.team_id,
    COALESCE((SELECT GROUP_CONCAT(l.label ORDER BY l.label SEPARATOR ' ') FROM conversation_label l
        WHERE l.conversation_id = c.id), ''),
    c.intent, c.sentiment
FROM conversation c;
--rollback DROP TABLE automation_baseline;

--changeset switchboard:0014-rule-notification
-- Notifications a rule sends: the rule's name and the admin's message (mentions leave both empty).
ALTER TABLE agent_notification ADD COLUMN title VARCHAR(200);
ALTER TABLE agent_notification ADD COLUMN body VARCHAR(1000);
--rollback ALTER TABLE agent_notification DROP COLUMN body; ALTER TABLE agent_notification DROP COLUMN title;
