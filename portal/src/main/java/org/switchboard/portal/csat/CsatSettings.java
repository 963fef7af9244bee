package org.switchboard.portal.csat;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.agent.RoleGuard;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.plugin.PluginHost;

/**
 * Survey settings per channel account: what admins configure, checked and audited here (the view is not the only
 * guard). An account without settings sends no surveys.
 */
@Service
public class CsatSettings {

    /** Audit action, a stable string (it is stored). */
    public static final String AUDIT_SAVED = "csat-settings.saved";

    static final Duration LONGEST_DELAY = Duration.ofHours(24);
    static final int MOST_QUIET_DAYS = 365;
    static final int LONGEST_QUESTION = 1000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private final SurveySettingsRepository settings;
    private final ChannelAccounts accounts;
    private final PluginHost plugins;
    private final RatingLinks links;
    private final AuditLog audit;
    private final Clock clock;

    CsatSettings(SurveySettingsRepository settings, ChannelAccounts accounts, PluginHost plugins, RatingLinks links,
            AuditLog audit, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.plugins = plugins;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every channel account's settings, by account name. */
    @Transactional(readOnly = true)
    public List<CsatAccountSettings> list() {
        return accounts.list().stream().sorted(Comparator.comparing(ChannelAccountView::name,
                String.CASE_INSENSITIVE_ORDER)).map(this::settingsOf).toList();
    }

    /**
     * One account's settings (the defaults when nothing was saved).
     *
     * @throws CsatException when there is no such account
     */
    @Transactional(readOnly = true)
    public CsatAccountSettings forAccount(String channelAccountId) {
        return accounts.find(channelAccountId).map(this::settingsOf)
                .orElseThrow(() -> new CsatException("That channel account no longer exists; reload the page."));
    }

    /**
     * Saves an account's settings.
     *
     * @throws CsatException          when a value is out of range or the question does not fit; nothing changes
     * @throws AccessDeniedException when the signed-in user is not an admin
     */
    @Transactional
    public CsatAccountSettings save(CsatAccountSettings changed) {
        String actor = RoleGuard.requireAdmin("change survey settings");
        ChannelAccountView account = accounts.find(changed.channelAccountId())
                .orElseThrow(() -> new CsatException("That channel account no longer exists; reload the page."));
        Duration delay = changed.delay() == null ? Duration.ZERO : changed.delay();
        if (delay.isNegative() || delay.compareTo(LONGEST_DELAY) > 0 || delay.toSecondsPart() != 0
                || delay.toMillisPart() != 0) {
            throw new CsatException("The delay is whole minutes from 0 to 24 hours (1440 minutes).");
        }
        if (changed.quietDays() < 0 || changed.quietDays() > MOST_QUIET_DAYS) {
            throw new CsatException("\"Don't ask again within\" is 0 to " + MOST_QUIET_DAYS + " days (0: no limit).");
        }
        String question = checkQuestion(changed.question(), account);
        SurveySettings row = settings.findById(account.id()).orElseGet(() -> new SurveySettings(account.id()));
        row.change(changed.enabled(), Math.toIntExact(delay.toMinutes()), changed.quietDays(), question,
                clock.instant());
        settings.save(row);
        CsatAccountSettings saved = settingsOf(account);
        audit.recordAfterCommit(actor, AUDIT_SAVED, "channel-account:" + account.id(), account.name() + ": "
                + (saved.enabled() ? "on" : "off") + ", delay " + saved.delay().toMinutes() + " min, not again within "
                + saved.quietDays() + " days, " + (question == null ? "default question" : "own question"));
        return saved;
    }

    private String checkQuestion(String raw, ChannelAccountView account) {
        String question = raw == null || raw.isBlank() ? null : raw.strip();
        if (question == null) {
            return null;
        }
        if (question.length() > LONGEST_QUESTION) {
            throw new CsatException("The question has at most " + LONGEST_QUESTION + " characters.");
        }
        Matcher placeholder = PLACEHOLDER.matcher(question);
        while (placeholder.find()) {
            if (!placeholder.group().equals(DefaultQuestions.LINK)) {
                throw new CsatException("Only " + DefaultQuestions.LINK + " is filled in (with the rating link), not "
                        + placeholder.group() + ".");
            }
        }
        Optional<ChannelDescriptor> descriptor = descriptor(account);
        if (descriptor.isPresent() && descriptor.get().maxTextLength() > 0) {
            int length = question.replace(DefaultQuestions.LINK, links.longestUrl()).length();
            if (length > descriptor.get().maxTextLength()) {
                throw new CsatException("With the link filled in the question has " + length + " characters; "
                        + descriptor.get().name() + " takes at most " + descriptor.get().maxTextLength() + ".");
            }
        }
        return question;
    }

    private CsatAccountSettings settingsOf(ChannelAccountView account) {
        String defaultQuestion = DefaultQuestions.forKind(descriptor(account).map(ChannelDescriptor::identityKind)
                .orElse(new IdentityKind("unknown")));
        return settings.findById(account.id())
                .map(s -> new CsatAccountSettings(account.id(), account.name(), s.isEnabled(),
                        Duration.ofMinutes(s.getDelayMinutes()), s.getQuietDays(), s.getQuestion(), defaultQuestion))
                .orElseGet(() -> new CsatAccountSettings(account.id(), account.name(), false, Duration.ZERO, 0, null,
                        defaultQuestion));
    }

    /* From the connector, not the open connection: listing settings must not open (or wait for) any channel. */
    private Optional<ChannelDescriptor> descriptor(ChannelAccountView account) {
        try {
            return plugins.connector(account.connectorId()).map(c -> c.extension().descriptor());
        } catch (RuntimeException pluginFailed) {
            return Optional.empty();
        }
    }
}
