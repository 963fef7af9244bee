/**
 * The email channel: reads customers' mail from an IMAP folder and sends agents' replies by SMTP.
 *
 * <p>This package owns the mailbox loop and its stored position ({@code MailboxWatcher}, {@code MailboxCursor}),
 * the reading of MIME mail into canonical messages (charsets, attachments, inline images, quoted history and
 * signatures stripped, HTML sanitised, auto-replies skipped) and the building and submission of replies with
 * threading headers and the subject's conversation token. It keeps no messages: the host stores them, and the
 * full original travels with each one as {@code original.eml}.
 *
 * <p>Only {@link org.switchboard.plugins.email.EmailPlugin} and
 * {@link org.switchboard.plugins.email.EmailConnector} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.email;
