--liquibase formatted sql

--changeset switchboard:0016-metrics
-- Supervisor dashboards (issue 7): rollups of the conversation events, maintained as events arrive (docs/metrics.md).
--  metric_state: one row: the poller's watermark (events up to it, minus an overlap, are in the rollups), and when a
--    rebuild runs (the poller pauses meanwhile). Projection rounds lock this row, so one node projects at a time.
--  metric_conversation: per projected conversation, a signature of what it was computed from (event count and
--    latest id, SLA target outcomes), so a conversation seen again unchanged is skipped.
--  metric_fact: each conversation's contributions to the metrics, keyed by (local hour, channel account, team,
--    agent, intent); '' / 0 mean none. A recomputation subtracts the old facts from the rollups and adds the new.
--  Dimension keys compare byte for byte (utf8mb4_bin): "Billing" and "billing" are two intents, as in Java.
--  metric_rollup: sums of facts, grain 'D': one row per local date
--    for every combination of a dimension's value or '*' / -1 (any), so any filter combination reads one row per
--    day. Durations as count, sum and a sparse histogram (bucket, count varints; see DurationHistogram).
CREATE TABLE metric_state (
    id INT NOT NULL PRIMARY KEY,
    watermark DATETIME(6),
    rebuilding_since DATETIME(6),
    rebuilt_at DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO metric_state (id) VALUES (1);

CREATE TABLE metric_conversation (
    conversation_id BIGINT NOT NULL PRIMARY KEY,
    signature VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE metric_fact (
    conversation_id BIGINT NOT NULL,
    seq INT NOT NULL,
    period_hour DATETIME NOT NULL,
    channel_account_id VARCHAR(36) COLLATE utf8mb4_bin NOT NULL,
    team_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    intent VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    created INT NOT NULL,
    switched INT NOT NULL,
    switched_resolved INT NOT NULL,
    repeat_eligible INT NOT NULL,
    repeat_contact INT NOT NULL,
    resolved INT NOT NULL,
    fcr INT NOT NULL,
    reopened INT NOT NULL,
    bot_engaged INT NOT NULL,
    bot_escalated INT NOT NULL,
    bot_resolved INT NOT NULL,
    csat_sent INT NOT NULL,
    csat_rated INT NOT NULL,
    csat_satisfied INT NOT NULL,
    csat_score_sum INT NOT NULL,
    sla_fr_met INT NOT NULL,
    sla_fr_breached INT NOT NULL,
    sla_res_met INT NOT NULL,
    sla_res_breached INT NOT NULL,
    assigned INT NOT NULL,
    replies INT NOT NULL,
    frt_seconds BIGINT,
    frt_business_seconds BIGINT,
    ttr_seconds BIGINT,
    ttr_business_seconds BIGINT,
    PRIMARY KEY (conversation_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The rebuild reads the facts in time order; hourly series (at most 7 days) sum the facts of their range.
CREATE INDEX ix_metric_fact_period ON metric_fact (period_hour);

CREATE TABLE metric_rollup (
    grain CHAR(1) NOT NULL,
    channel_account_id VARCHAR(36) COLLATE utf8mb4_bin NOT NULL,
    team_id BIGINT NOT NULL,
    agent_id BIGINT NOT NULL,
    intent VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    period DATETIME NOT NULL,
    created BIGINT NOT NULL,
    switched BIGINT NOT NULL,
    switched_resolved BIGINT NOT NULL,
    repeat_eligible BIGINT NOT NULL,
    repeat_contact BIGINT NOT NULL,
    resolved BIGINT NOT NULL,
    fcr BIGINT NOT NULL,
    reopened BIGINT NOT NULL,
    bot_engaged BIGINT NOT NULL,
    bot_escalated BIGINT NOT NULL,
    bot_resolved BIGINT NOT NULL,
    csat_sent BIGINT NOT NULL,
    csat_rated BIGINT NOT NULL,
    csat_satisfied BIGINT NOT NULL,
    csat_score_sum BIGINT NOT NULL,
    sla_fr_met BIGINT NOT NULL,
    sla_fr_breached BIGINT NOT NULL,
    sla_res_met BIGINT NOT NULL,
    sla_res_breached BIGINT NOT NULL,
    assigned BIGINT NOT NULL,
    replies BIGINT NOT NULL,
    frt_count BIGINT NOT NULL,
    frt_sum BIGINT NOT NULL,
    frt_hist BLOB NOT NULL,
    frt_business_count BIGINT NOT NULL,
    frt_business_sum BIGINT NOT NULL,
    frt_business_hist BLOB NOT NULL,
    ttr_count BIGINT NOT NULL,
    ttr_sum BIGINT NOT NULL,
    ttr_hist BLOB NOT NULL,
    ttr_business_count BIGINT NOT NULL,
    ttr_business_sum BIGINT NOT NULL,
    ttr_business_hist BLOB NOT NULL,
    created_by_hour BLOB NOT NULL,
    PRIMARY KEY (grain, channel_account_id, team_id, agent_id, intent, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- The poller finds conversations with new events by time (ids come in blocks per node, so they are no order).
CREATE INDEX ix_conversation_event_time ON conversation_event (occurred_at);
--rollback DROP INDEX ix_conversation_event_time ON conversation_event; DROP TABLE metric_rollup; DROP TABLE metric_fact; DROP TABLE metric_conversation; DROP TABLE metric_state;
