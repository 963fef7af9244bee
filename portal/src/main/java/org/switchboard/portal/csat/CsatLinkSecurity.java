package org.switchboard.portal.csat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The rating page is public (customers have no login): the signed link is what lets them in. Its form carries a
 * CSRF token (session based), so no other site can post a rating in a visitor's name. The widget's star endpoint is
 * called cross-origin from the customer's website, where no CSRF token can exist; it needs none, since the signed
 * link in its URL is the only credential and no cookie or session is involved.
 */
@Configuration(proxyBeanMethods = false)
class CsatLinkSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain csatRatingPages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/csat/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/csat/*/stars"))
                // Answered here: the default sends an error that the portal's own chain turns into a login redirect.
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write(STALE_FORM);
                }))
                .requestCache(cache -> cache.disable())
                .build();
    }

    private static final String STALE_FORM = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Please try again</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto">
            <h1>Please try again</h1><p>This form has expired. Go back, reload the page and send your rating
            again.</p></body></html>
            """;
}
