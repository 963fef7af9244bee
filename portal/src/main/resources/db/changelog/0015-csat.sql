--liquibase formatted sql

--changeset switchboard:0015-csat
-- Customer satisfaction surveys (issue 7).
--  csat_settings: per channel account, whether a survey goes out after a resolution, how long after it
--    (delay_minutes, 0-1440), how many days a customer is not asked again after a survey (quiet_days, 0 = no
--    limit) and the question (NULL = the default for the channel's kind of identity). No row = disabled.
--  csat_survey: one row per resolution that called for a survey (unique conversation + resolved_at), from
--    SCHEDULED to SENT and RATED, or SKIPPED with the reason. It keeps what dashboards group by as it was at the
--    resolution: the channel account, the assignee (agent_id) and team. customer_id is the customer when the
--    survey was made; reads by customer go through the conversation (merges move conversations).
--    Rows go with their conversation (retention, erasure).
--  csat_signing_key: the key that signs rating links, generated on first use, encrypted like channel secrets.
CREATE TABLE csat_settings (
    channel_account_id VARCHAR(36) NOT NULL PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    delay_minutes INT NOT NULL,
    quiet_days INT NOT NULL,
    question VARCHAR(1000),
    updated_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_csat_settings_account FOREIGN KEY (channel_account_id) REFERENCES channel_account (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE SEQUENCE csat_survey_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE csat_survey (
    id BIGINT NOT NULL PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    channel_account_id VARCHAR(36),
    agent_id BIGINT,
    team_id BIGINT,
    resolved_at DATETIME(6) NOT NULL,
    status VARCHAR(20) NOT NULL,
    skip_reason VARCHAR(500),
    send_after DATETIME(6) NOT NULL,
    sent_at DATETIME(6),
    message_id BIGINT,
    answered_at DATETIME(6),
    rating INT,
    rating_comment VARCHAR(2000),
    answered_via VARCHAR(20),
    answer_message_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uk_csat_survey_resolution UNIQUE (conversation_id, resolved_at),
    CONSTRAINT ck_csat_survey_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    CONSTRAINT fk_csat_survey_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_csat_survey_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE,
    CONSTRAINT fk_csat_survey_account FOREIGN KEY (channel_account_id) REFERENCES channel_account (id)
        ON DELETE SET NULL,
    CONSTRAINT fk_csat_survey_agent FOREIGN KEY (agent_id) REFERENCES agent (id) ON DELETE SET NULL,
    CONSTRAINT fk_csat_survey_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL,
    CONSTRAINT fk_csat_survey_message FOREIGN KEY (message_id) REFERENCES message (id) ON DELETE SET NULL,
    CONSTRAINT fk_csat_survey_answer FOREIGN KEY (answer_message_id) REFERENCES message (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The sender looks for due surveys; each inbound message looks for a survey awaiting the customer's answer.
CREATE INDEX ix_csat_survey_due ON csat_survey (status, send_after);
CREATE INDEX ix_csat_survey_customer ON csat_survey (customer_id, status, sent_at);
-- Dashboards read surveys by the time they were sent.
CREATE INDEX ix_csat_survey_sent ON csat_survey (sent_at);

CREATE TABLE csat_signing_key (
    id INT NOT NULL PRIMARY KEY,
    sealed_key VARCHAR(500) NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE csat_signing_key; DROP TABLE csat_survey; DROP SEQUENCE csat_survey_seq; DROP TABLE csat_settings;
