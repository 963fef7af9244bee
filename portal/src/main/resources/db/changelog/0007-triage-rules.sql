--liquibase formatted sql

--changeset switchboard:0007-triage-rule
-- Rules applied to every classified customer message, in position order; every matching rule acts.
CREATE SEQUENCE triage_rule_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE triage_rule (
    id BIGINT NOT NULL PRIMARY KEY,
    position INT NOT NULL,
    name VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL,
    when_intent VARCHAR(100),
    when_sentiment VARCHAR(100),
    when_channel VARCHAR(100),
    when_attribute_key VARCHAR(100),
    when_attribute_value VARCHAR(500),
    set_priority VARCHAR(20),
    route_to_team_id BIGINT,
    CONSTRAINT fk_triage_rule_team FOREIGN KEY (route_to_team_id) REFERENCES team (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE triage_rule; DROP SEQUENCE triage_rule_seq;
