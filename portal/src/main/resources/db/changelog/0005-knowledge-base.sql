--liquibase formatted sql

--changeset switchboard:0005-knowledge-article
CREATE SEQUENCE knowledge_article_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE knowledge_article (
    id BIGINT NOT NULL PRIMARY KEY,
    title VARCHAR(300) NOT NULL,
    body LONGTEXT NOT NULL,
    tags VARCHAR(1000),
    language VARCHAR(35) NOT NULL,
    published BOOLEAN NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE knowledge_article; DROP SEQUENCE knowledge_article_seq;
