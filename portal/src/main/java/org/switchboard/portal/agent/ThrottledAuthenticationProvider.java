package org.switchboard.portal.agent;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in: the usual check against the stored hash, refused early while the account or address is locked
 * out ({@link LoginThrottle}), counting failures and remembering the last sign-in.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AgentDirectory directory;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle,
            AgentDirectory directory) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            throw new TooManyAttemptsException(locked.get());
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (AuthenticationException failed) {
            throttle.failed(username, address);
            throw failed;
        }
        throttle.succeeded(username);
        directory.signedIn(authenticated.getName());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
