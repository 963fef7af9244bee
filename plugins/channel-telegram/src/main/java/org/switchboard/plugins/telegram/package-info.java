/**
 * The Telegram channel: private chats between customers and a Telegram bot, through the Bot API.
 *
 * <p>This package owns the bot's webhook (registered with {@code setWebhook} when a connection opens and
 * authenticated by the secret token Telegram echoes in every delivery), the translation of Telegram updates into
 * canonical messages (downloading media with {@code getFile}), and outbound delivery with {@code sendMessage},
 * {@code sendPhoto} and {@code sendDocument}. The bot token is part of every Bot API URL, so everything this
 * package reports (reasons, health, log lines) passes through {@link org.switchboard.plugins.telegram.TokenMask}.
 *
 * <p>Only {@link org.switchboard.plugins.telegram.TelegramPlugin} and
 * {@link org.switchboard.plugins.telegram.TelegramConnector} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.telegram;
