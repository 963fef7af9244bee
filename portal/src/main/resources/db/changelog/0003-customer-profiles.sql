--liquibase formatted sql

--changeset switchboard:0003-customer-profile-columns
-- Profile facts on the customer; merged_into_id marks a customer merged into another (kept for unmerge, never listed).
ALTER TABLE customer ADD COLUMN language VARCHAR(35);
ALTER TABLE customer ADD COLUMN preferred_channel_account_id VARCHAR(36);
ALTER TABLE customer ADD COLUMN merged_into_id BIGINT;
ALTER TABLE customer ADD COLUMN merged_at DATETIME(6);
ALTER TABLE customer ADD CONSTRAINT fk_customer_merged_into FOREIGN KEY (merged_into_id) REFERENCES customer (id);
ALTER TABLE customer ADD CONSTRAINT fk_customer_preferred_channel FOREIGN KEY (preferred_channel_account_id)
    REFERENCES channel_account (id) ON DELETE SET NULL;
CREATE INDEX ix_customer_merged_into ON customer (merged_into_id);
--rollback ALTER TABLE customer DROP FOREIGN KEY fk_customer_preferred_channel; ALTER TABLE customer DROP FOREIGN KEY fk_customer_merged_into; ALTER TABLE customer DROP COLUMN merged_at; ALTER TABLE customer DROP COLUMN merged_into_id; ALTER TABLE customer DROP COLUMN preferred_channel_account_id; ALTER TABLE customer DROP COLUMN language;

--changeset switchboard:0003-customer-tags-notes
CREATE SEQUENCE customer_tag_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer_tag (
    id BIGINT NOT NULL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    tag VARCHAR(100) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_customer_tag UNIQUE (customer_id, tag),
    CONSTRAINT fk_customer_tag_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Notes agents write about a customer (not messages: the customer never sees them).
CREATE SEQUENCE customer_note_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer_note (
    id BIGINT NOT NULL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    author_agent_id BIGINT,
    author_name VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_customer_note_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_note_author FOREIGN KEY (author_agent_id) REFERENCES agent (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_customer_note_customer ON customer_note (customer_id, created_at);
--rollback DROP TABLE customer_note; DROP SEQUENCE customer_note_seq; DROP TABLE customer_tag; DROP SEQUENCE customer_tag_seq;

--changeset switchboard:0003-customer-attributes
-- Admin-defined fields (key, label, type, options for "select") and their values per customer, stored as text in
-- a canonical form per type (ISO dates, plain decimals, true/false).
CREATE SEQUENCE customer_attribute_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer_attribute (
    id BIGINT NOT NULL PRIMARY KEY,
    attribute_key VARCHAR(64) NOT NULL,
    label VARCHAR(200) NOT NULL,
    value_type VARCHAR(20) NOT NULL,
    options TEXT,
    position INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_customer_attribute_key UNIQUE (attribute_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE SEQUENCE customer_attribute_value_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer_attribute_value (
    id BIGINT NOT NULL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    attribute_id BIGINT NOT NULL,
    attribute_value VARCHAR(2000) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_customer_attribute_value UNIQUE (customer_id, attribute_id),
    CONSTRAINT fk_attribute_value_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_attribute_value_attribute FOREIGN KEY (attribute_id) REFERENCES customer_attribute (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE customer_attribute_value; DROP SEQUENCE customer_attribute_value_seq; DROP TABLE customer_attribute; DROP SEQUENCE customer_attribute_seq;

--changeset switchboard:0003-customer-events
-- Append-only facts about a customer (identity added, merged, unmerged), for the customer's timeline.
CREATE SEQUENCE customer_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer_event (
    id BIGINT NOT NULL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    actor VARCHAR(320) NOT NULL,
    detail VARCHAR(1000),
    CONSTRAINT fk_customer_event_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_customer_event_customer ON customer_event (customer_id, occurred_at);
--rollback DROP TABLE customer_event; DROP SEQUENCE customer_event_seq;

--changeset switchboard:0003-customer-merge
-- A merge of customer merged_id into survivor_id, with the exact rows it moved (customer_merge_item), so that an
-- unmerge moves back exactly those.
CREATE SEQUENCE customer_merge_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer_merge (
    id BIGINT NOT NULL PRIMARY KEY,
    survivor_id BIGINT NOT NULL,
    merged_id BIGINT NOT NULL,
    merged_at DATETIME(6) NOT NULL,
    merged_by VARCHAR(320) NOT NULL,
    took_name BOOLEAN NOT NULL,
    took_language BOOLEAN NOT NULL,
    took_preferred_channel BOOLEAN NOT NULL,
    unmerged_at DATETIME(6),
    unmerged_by VARCHAR(320),
    CONSTRAINT fk_customer_merge_survivor FOREIGN KEY (survivor_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_merge_merged FOREIGN KEY (merged_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_customer_merge_survivor ON customer_merge (survivor_id);
CREATE INDEX ix_customer_merge_merged ON customer_merge (merged_id);

CREATE TABLE customer_merge_item (
    merge_id BIGINT NOT NULL,
    item_type VARCHAR(30) NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (merge_id, item_type, item_id),
    CONSTRAINT fk_customer_merge_item_merge FOREIGN KEY (merge_id) REFERENCES customer_merge (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE customer_merge_item; DROP TABLE customer_merge; DROP SEQUENCE customer_merge_seq;

--changeset switchboard:0003-duplicate-dismissal
-- "Not the same person": a pair an agent dismissed is never suggested again (low id first).
CREATE TABLE customer_duplicate_dismissal (
    customer_low_id BIGINT NOT NULL,
    customer_high_id BIGINT NOT NULL,
    dismissed_at DATETIME(6) NOT NULL,
    dismissed_by VARCHAR(320) NOT NULL,
    PRIMARY KEY (customer_low_id, customer_high_id),
    CONSTRAINT fk_dismissal_low FOREIGN KEY (customer_low_id) REFERENCES customer (id),
    CONSTRAINT fk_dismissal_high FOREIGN KEY (customer_high_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE customer_duplicate_dismissal;

--changeset switchboard:0003-duplicate-indexes
-- Duplicate suggestions join customers by name and identities by value across kinds.
CREATE INDEX ix_customer_display_name ON customer (display_name);
CREATE INDEX ix_customer_identity_value ON customer_identity (identity_value);
--rollback DROP INDEX ix_customer_identity_value ON customer_identity; DROP INDEX ix_customer_display_name ON customer;
