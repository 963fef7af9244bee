/**
 * Example channel: a template for third-party channel plugins. Another system POSTs signed JSON messages to the
 * account's webhook URL; agents' replies are POSTed, signed the same way, to a URL the admin configures.
 *
 * <pre>
 * inbound   POST /hooks/{account}   {"id":"m-1","from":"user-42","name":"Ada","text":"Hello"}
 *           X-Example-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;
 * outbound  POST {outboundUrl}      {"id":"…","to":"user-42","text":"…","authorName":"…"}   (same header)
 * </pre>
 *
 * <p>The classes: {@link com.example.switchboard.channel.ExamplePlugin} (the optional {@code Plugin-Class}),
 * {@link com.example.switchboard.channel.ExampleConnector} (the {@code @Extension} the portal finds), and the
 * package-private connection, settings, signature and message readers behind it.
 */
package com.example.switchboard.channel;
