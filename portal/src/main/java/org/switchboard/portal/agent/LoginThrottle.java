package org.switchboard.portal.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per IP address in a sliding window; past the limit further attempts are
 * refused until the lockout has passed, even with the right password (an attacker must not learn that a guess was
 * right). Accounts that do not exist are counted like those that do, so the refusal reveals nothing. Counters live
 * in this node's memory: a restart forgets them, and several nodes would each count on their own (documented in
 * docs/users-and-security.md).
 */
@Component
public class LoginThrottle {

    private final SecurityProperties properties;
    private final Clock clock;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the account or address must still wait, if it is locked out now. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> account = counter(accounts, key(username)).lockedUntil(now);
        Optional<Instant> ip = address == null ? Optional.empty() : counter(addresses, address).lockedUntil(now);
        return java.util.stream.Stream.of(account, ip).flatMap(Optional::stream).max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    /** Forgets counters with nothing left to count, so guessing many names does not fill the memory. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    void forgetIdle() {
        Instant windowStart = clock.instant().minus(properties.loginWindow());
        accounts.values().removeIf(counter -> counter.idle(windowStart));
        addresses.values().removeIf(counter -> counter.idle(windowStart));
    }

    /** A wrong password (or unknown account). */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        counter(accounts, key(username)).fail(now, properties.loginMaxFailures());
        if (address != null) {
            counter(addresses, address).fail(now, properties.loginMaxFailuresPerAddress());
        }
    }

    /** A successful sign-in clears the account's failures (not the address's: one right password among many). */
    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    private Counter counter(Map<String, Counter> counters, String key) {
        return counters.computeIfAbsent(key, k -> new Counter());
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Failures within the window, and the lockout they caused. */
    private final class Counter {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized Optional<Instant> lockedUntil(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
        }

        synchronized boolean idle(Instant windowStart) {
            return (lockedUntil == null || lockedUntil.isBefore(windowStart))
                    && (failures.isEmpty() || failures.peekLast().isBefore(windowStart));
        }

        synchronized void fail(Instant now, int max) {
            Instant windowStart = now.minus(properties.loginWindow());
            while (!failures.isEmpty() && failures.peekFirst().isBefore(windowStart)) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() >= max) {
                lockedUntil = now.plus(properties.loginLockout());
                failures.clear();
            }
        }
    }
}
