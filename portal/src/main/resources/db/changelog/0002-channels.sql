--liquibase formatted sql

--changeset switchboard:0002-message-attachment
-- Files that came with (or go out with) a message. Kept in the database so a message and its files commit or
-- roll back together and backups stay one artefact; the size cap is the webhook body limit.
CREATE SEQUENCE message_attachment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE message_attachment (
    id BIGINT NOT NULL PRIMARY KEY,
    message_id BIGINT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes BIGINT NOT NULL,
    inline_part BOOLEAN NOT NULL,
    content_id VARCHAR(255),
    content LONGBLOB NOT NULL,
    CONSTRAINT fk_attachment_message FOREIGN KEY (message_id) REFERENCES message (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_attachment_message ON message_attachment (message_id);
--rollback DROP TABLE message_attachment; DROP SEQUENCE message_attachment_seq;

--changeset switchboard:0002-message-template
-- An outbound message sent as a provider template (WhatsApp outside its 24-hour window): name, language and
-- parameters as JSON; the message text holds the rendered template for the history.
ALTER TABLE message ADD COLUMN template_json TEXT;
--rollback ALTER TABLE message DROP COLUMN template_json;

--changeset switchboard:0002-rejected-delivery
-- Webhook deliveries a connector could not parse, kept for an admin to inspect (body capped).
CREATE SEQUENCE rejected_delivery_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE rejected_delivery (
    id BIGINT NOT NULL PRIMARY KEY,
    channel_account_id VARCHAR(36) NOT NULL,
    received_at DATETIME(6) NOT NULL,
    status INT NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    method VARCHAR(10) NOT NULL,
    sub_path VARCHAR(500) NOT NULL,
    remote_address VARCHAR(100),
    headers_text TEXT NOT NULL,
    body LONGBLOB NOT NULL,
    body_truncated BOOLEAN NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rejected_delivery_received ON rejected_delivery (received_at);
--rollback DROP TABLE rejected_delivery; DROP SEQUENCE rejected_delivery_seq;

--changeset switchboard:0002-audit-entry
-- Security-relevant facts: refused webhook signatures, configuration changes. Append-only.
CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    occurred_at DATETIME(6) NOT NULL,
    actor VARCHAR(320) NOT NULL,
    action VARCHAR(100) NOT NULL,
    target VARCHAR(255),
    detail VARCHAR(2000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at);
--rollback DROP TABLE audit_entry; DROP SEQUENCE audit_entry_seq;
