--liquibase formatted sql

--changeset switchboard:0019-message-account-direction
-- Channel health reads each account's latest inbound and outbound message and its recent replies; without this
-- index every health look would scan all of an account's messages.
CREATE INDEX ix_message_account_direction ON message (channel_account_id, direction, created_at);
--rollback DROP INDEX ix_message_account_direction ON message;
