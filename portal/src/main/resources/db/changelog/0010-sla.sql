--liquibase formatted sql

--changeset switchboard:0010-sla
-- SLA policies counted in business hours (issue 6), and the targets they set on each conversation.
--  sla_schedule: a team's business hours: weekly intervals (minutes of the day, 1440 = 24:00) and holiday dates,
--    wall-clock times in its time zone;
--  sla_policy: first-response and resolution targets (minutes of business time) for a priority and optionally a
--    channel kind (connector id); no schedule means calendar time (24/7);
--  conversation_sla: one row per target of a conversation: the first response, and one resolution target per
--    open period (a reopen starts a new one). policy_name is kept so history survives a deleted policy.
CREATE SEQUENCE sla_schedule_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE sla_policy_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE conversation_sla_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE sla_schedule (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uk_sla_schedule_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE sla_schedule_hours (
    schedule_id BIGINT NOT NULL,
    day_of_week VARCHAR(10) NOT NULL,
    opens_minute INT NOT NULL,
    closes_minute INT NOT NULL,
    PRIMARY KEY (schedule_id, day_of_week, opens_minute),
    CONSTRAINT fk_sla_schedule_hours_schedule FOREIGN KEY (schedule_id) REFERENCES sla_schedule (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE sla_holiday (
    schedule_id BIGINT NOT NULL,
    holiday_date DATE NOT NULL,
    name VARCHAR(200) NOT NULL,
    PRIMARY KEY (schedule_id, holiday_date),
    CONSTRAINT fk_sla_holiday_schedule FOREIGN KEY (schedule_id) REFERENCES sla_schedule (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE sla_policy (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    priority VARCHAR(20) NOT NULL,
    channel VARCHAR(100),
    first_response_minutes INT,
    resolution_minutes INT,
    schedule_id BIGINT,
    enabled BOOLEAN NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uk_sla_policy_name UNIQUE (name),
    CONSTRAINT fk_sla_policy_schedule FOREIGN KEY (schedule_id) REFERENCES sla_schedule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE conversation_sla (
    id BIGINT NOT NULL PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    target VARCHAR(20) NOT NULL,
    policy_id BIGINT,
    policy_name VARCHAR(200) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    due_at DATETIME(6) NOT NULL,
    met_at DATETIME(6),
    warned_at DATETIME(6),
    breached_at DATETIME(6),
    version BIGINT NOT NULL,
    CONSTRAINT uk_conversation_sla_target UNIQUE (conversation_id, target, started_at),
    CONSTRAINT fk_conversation_sla_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_conversation_sla_policy FOREIGN KEY (policy_id) REFERENCES sla_policy (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The sweep looks for unmet targets by due time.
CREATE INDEX ix_conversation_sla_due ON conversation_sla (met_at, due_at);
--rollback DROP TABLE conversation_sla; DROP TABLE sla_policy; DROP TABLE sla_holiday; DROP TABLE sla_schedule_hours; DROP TABLE sla_schedule; DROP SEQUENCE conversation_sla_seq; DROP SEQUENCE sla_policy_seq; DROP SEQUENCE sla_schedule_seq;
