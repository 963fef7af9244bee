--liquibase formatted sql

--changeset switchboard:0004-customer-data-source
-- Admin-configured sources of customer data (CustomerDataProvider plugins); secrets encrypted in the JSON.
CREATE TABLE customer_data_source (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    provider_id VARCHAR(100) NOT NULL,
    config LONGTEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE customer_data_source;
