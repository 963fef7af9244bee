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
    SecurityFilterChain ratingLinks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/csat/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/csat/*/stars"))
                .requestCache(cache -> cache.disable())
                .build();
    }
}
