--liquibase formatted sql

--changeset switchboard:0024-csat-catch-up
-- Resolutions by time, for the CSAT catch-up: surveys of resolutions whose trigger was lost (the portal stopped
-- between the commit and the survey, or the CSAT queue was full) are made by a periodic look over recent ones.
CREATE INDEX ix_conversation_resolved ON conversation (status, resolved_at, id);
