--liquibase formatted sql

--changeset switchboard:0017-triage-rule-labels
-- Triage rules can also label the conversation (comma-separated labels, normalised like agents' labels).
ALTER TABLE triage_rule ADD COLUMN add_labels VARCHAR(500);
--rollback ALTER TABLE triage_rule DROP COLUMN add_labels;
