package org.switchboard.portal.csat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /csat/{token}}: the rating page a survey links to (email, and any channel whose question has the link),
 * and {@code /csat/{token}/stars}, where the web-chat widget posts the star a visitor clicked. No login: the signed,
 * expiring token is the credential. Reading the page changes nothing (mail scanners open links); only the form's
 * POST rates.
 */
@RestController
class RatingPageController {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final String[] LABELS = {"", "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied",
        "Very satisfied"};

    private final LinkRatings ratings;

    RatingPageController(LinkRatings ratings) {
        this.ratings = ratings;
    }

    @GetMapping(value = "/csat/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, @RequestParam Optional<Integer> rating,
            HttpServletRequest request) {
        LinkRatings.Page page = ratings.page(token);
        return html(page, rating.orElse(0), "", null, request);
    }

    @PostMapping(value = "/csat/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> rate(@PathVariable String token, @RequestParam Optional<Integer> rating,
            @RequestParam Optional<String> comment, HttpServletRequest request) {
        String text = comment.orElse("");
        try {
            return html(ratings.rate(token, rating.orElse(0), text, RatedVia.LINK), 0, text, null, request);
        } catch (CsatException problem) {
            ResponseEntity<String> form = html(ratings.page(token), 0, text, problem.getMessage(), request);
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).headers(form.getHeaders()).body(form.getBody());
        }
    }

    /**
     * The widget's stars: a plain form post ({@code rating=4}) from the customer's website, answered with JSON any
     * origin may read (it reveals only the rating just given).
     */
    @PostMapping(value = "/csat/{token}/stars", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> stars(@PathVariable String token, @RequestParam Optional<String> rating) {
        int stars = rating.filter(r -> r.matches("[1-5]")).map(Integer::parseInt).orElse(0);
        HttpStatus status;
        String body;
        try {
            LinkRatings.Page page = ratings.rate(token, stars, null, RatedVia.WIDGET);
            status = switch (page.state()) {
                case RATED -> HttpStatus.OK;
                case EXPIRED -> HttpStatus.GONE;
                case INVALID -> HttpStatus.NOT_FOUND;
                case OPEN -> HttpStatus.CONFLICT;
            };
            body = page.state() == LinkRatings.State.RATED ? "{\"rating\":" + page.survey().rating() + "}"
                    : "{\"error\":\"" + page.state().name().toLowerCase(java.util.Locale.ROOT) + "\"}";
        } catch (CsatException problem) {
            status = HttpStatus.BAD_REQUEST;
            body = "{\"error\":\"rating must be 1 to 5\"}";
        }
        return ResponseEntity.status(status).header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @RequestMapping(value = "/csat/{token}/stars", method = RequestMethod.OPTIONS)
    ResponseEntity<Void> starsPreflight() {
        return ResponseEntity.noContent().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600").build();
    }

    private ResponseEntity<String> html(LinkRatings.Page page, int preselected, String comment, String problem,
            HttpServletRequest request) {
        HttpStatus status = switch (page.state()) {
            case OPEN, RATED -> HttpStatus.OK;
            case EXPIRED -> HttpStatus.GONE;
            case INVALID -> HttpStatus.NOT_FOUND;
        };
        String body = switch (page.state()) {
            case OPEN -> form(preselected, comment, problem, (CsrfToken) request.getAttribute(CsrfToken.class.getName()));
            case RATED -> thanks(page.survey());
            case EXPIRED -> message("This link has expired", "Thank you for your time. Ratings can only be given for a"
                    + " while after a conversation ends.");
            case INVALID -> message("This link is not valid", "Please check that you opened the whole link from our"
                    + " message.");
        };
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).header("Content-Security-Policy", CSP)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").body(body);
    }

    private static String form(int preselected, String comment, String problem, CsrfToken csrf) {
        StringBuilder options = new StringBuilder();
        for (int stars = 5; stars >= 1; stars--) {
            options.append("""
                    <label class="option"><input type="radio" name="rating" value="%1$d" required%2$s>
                    <span class="stars" aria-hidden="true">%3$s</span> <span>%4$s</span></label>
                    """.formatted(stars, stars == preselected ? " checked" : "", "★".repeat(stars) + "☆".repeat(5 - stars),
                    LABELS[stars]));
        }
        String csrfField = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(
                csrf.getParameterName()) + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        String error = problem == null ? "" : "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(problem)
                + "</p>";
        return page("How did we do?", """
                <h1>How would you rate the help you got?</h1>
                %s
                <form method="post">
                  %s
                  <fieldset><legend>Your rating</legend>%s</fieldset>
                  <label for="comment">Anything you'd like to tell us? (optional)</label>
                  <textarea id="comment" name="comment" rows="4" maxlength="2000">%s</textarea>
                  <button type="submit">Send rating</button>
                </form>
                """.formatted(error, csrfField, options, HtmlUtils.htmlEscape(comment == null ? "" : comment)));
    }

    private static String thanks(CsatSurveyView survey) {
        int stars = survey.rating() == null ? 0 : survey.rating();
        String comment = survey.comment() == null ? "" : "<blockquote>" + HtmlUtils.htmlEscape(survey.comment())
                + "</blockquote>";
        return page("Thank you", """
                <h1>Thank you for your rating!</h1>
                <p class="stars" aria-label="%1$d out of 5 stars">%2$s</p>
                <p>%3$s</p>
                %4$s
                """.formatted(stars, "★".repeat(stars) + "☆".repeat(5 - stars), LABELS[stars], comment));
    }

    private static String message(String title, String text) {
        return page(title, "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p>");
    }

    private static String page(String title, String content) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="robots" content="noindex">
                  <title>%s</title>
                  <style>
                    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
                      color: #111827; background: #f3f4f6; }
                    main { max-width: 32rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: 12px;
                      box-shadow: 0 2px 12px rgba(0, 0, 0, .08); }
                    h1 { font-size: 1.4rem; margin-top: 0; }
                    fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
                    legend { font-weight: 600; margin-bottom: .5rem; }
                    .option { display: flex; gap: .5rem; align-items: center; padding: .35rem 0; cursor: pointer; }
                    .stars { color: #f59e0b; font-size: 1.4rem; letter-spacing: 2px; }
                    textarea { width: 100%%; box-sizing: border-box; font: inherit; padding: .5rem; margin: .25rem 0 1rem;
                      border: 1px solid #d1d5db; border-radius: 8px; }
                    button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: 8px; background: #2563eb;
                      color: #fff; cursor: pointer; }
                    .error { color: #b91c1c; }
                    blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid #d1d5db; color: #374151; }
                  </style>
                </head>
                <body><main>
                %s
                </main></body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title), content);
    }
}
