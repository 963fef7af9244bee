package org.switchboard.portal.demo;

import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;

/** {@code /demo}: a pretend shop page embedding the website-chat widget of the first web-chat account. */
@RestController
class DemoController {

    private final ChannelAccounts accounts;
    private final DemoProperties properties;

    DemoController(ChannelAccounts accounts, DemoProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping(value = {"/demo", "/demo/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> demo() {
        Optional<ChannelAccountView> webchat = accounts.listByConnector(DemoChannelSeeder.WEBCHAT).stream()
                .filter(ChannelAccountView::enabled).findFirst();
        if (!properties.enabled() || webchat.isEmpty()) {
            return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN)
                    .body("No website-chat account is configured.");
        }
        // The account id is a UUID, so it needs no escaping in the attribute below.
        String page = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Acme Outdoor · Switchboard demo</title>
                  <style>
                    body { font-family: system-ui, sans-serif; margin: 0; color: #1d2733; }
                    header { background: #23472b; color: white; padding: 1.5rem 2rem; }
                    main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
                  </style>
                </head>
                <body>
                  <header><h1>Acme Outdoor</h1><p>Tents, boots and everything for the trail.</p></header>
                  <main>
                    <h2>This is a demo shop page</h2>
                    <p>The chat button in the corner is Switchboard's website-chat widget, embedded with one
                    script tag. Write a message, then answer it from the agent inbox in another window.</p>
                    <pre>&lt;script src="/hooks/%1$s/widget.js" async&gt;&lt;/script&gt;</pre>
                  </main>
                  <script src="/hooks/%1$s/widget.js" async></script>
                </body>
                </html>
                """.formatted(webchat.get().id());
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }
}
