package org.switchboard.portal.sla;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.cache.SettingsCache;
import org.switchboard.portal.conversation.Priority;

/**
 * Business hours and SLA policies: what supervisors and admins configure, checked and audited here (the views are
 * not the only guard). Also the policy a conversation gets, and the calendar of a schedule, for the tracker and for
 * dashboards that measure in business hours.
 *
 * <p>A policy change applies to a conversation's running targets the next time the conversation is evaluated (when
 * it changes, or when one of its targets comes close to its due time); targets already met keep what they were
 * measured against.
 */
@Service
public class SlaSettings {

    /** Audit actions, stable strings (they are stored). */
    public static final String AUDIT_POLICY_SAVED = "sla-policy.saved";
    public static final String AUDIT_POLICY_DELETED = "sla-policy.deleted";
    public static final String AUDIT_HOURS_SAVED = "business-hours.saved";
    public static final String AUDIT_HOURS_DELETED = "business-hours.deleted";

    static final Duration LONGEST_TARGET = Duration.ofDays(365);
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final SlaPolicyRepository policies;
    private final BusinessHoursRepository schedules;
    private final AuditLog audit;
    /* Read at every SLA evaluation (after every change of every conversation); edited a few times a year. */
    private final SettingsCache<Priority, List<SlaPolicySettings>> enabledByPriority =
            new SettingsCache<>(Duration.ofSeconds(5));
    private final SettingsCache<Long, BusinessCalendar> calendars = new SettingsCache<>(Duration.ofSeconds(5));

    SlaSettings(SlaPolicyRepository policies, BusinessHoursRepository schedules, AuditLog audit) {
        this.policies = policies;
        this.schedules = schedules;
        this.audit = audit;
    }

    /** All policies, by priority (low to urgent), then name. */
    @Transactional(readOnly = true)
    public List<SlaPolicySettings> policies() {
        return policies.findAll().stream().map(SlaPolicy::settings)
                .sorted(Comparator.comparing(SlaPolicySettings::priority).thenComparing(SlaPolicySettings::name,
                        String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** All business-hours schedules by name. */
    @Transactional(readOnly = true)
    public List<BusinessHoursSettings> businessHours() {
        return schedules.findAllByOrderByNameAsc().stream().map(BusinessHours::settings).toList();
    }

    /**
     * Saves a policy (new when its id is {@code null}).
     *
     * @throws SlaException           when it is incomplete or clashes with another enabled policy; nothing changes
     * @throws AccessDeniedException when the signed-in user is neither supervisor nor admin
     */
    @Transactional
    public SlaPolicySettings savePolicy(SlaPolicySettings policy) {
        String actor = requireSupervisor();
        SlaPolicySettings clean = validate(policy);
        SlaPolicy saved;
        if (clean.id() == null) {
            saved = policies.save(new SlaPolicy(clean));
        } else {
            saved = policies.findById(clean.id())
                    .orElseThrow(() -> new SlaException("That SLA policy no longer exists; reload the page."));
            saved.change(clean);
            policies.flush();
        }
        SlaPolicySettings result = saved.settings();
        forgetCachedSettings();
        audit.recordAfterCommit(actor, AUDIT_POLICY_SAVED, "sla-policy:" + result.id(), describe(result));
        return result;
    }

    /** Deletes a policy; targets it set keep its name (met ones as history, running ones until re-evaluated). */
    @Transactional
    public void deletePolicy(long id) {
        String actor = requireSupervisor();
        policies.findById(id).ifPresent(policy -> {
            String name = policy.settings().name();
            policies.delete(policy);
            forgetCachedSettings();
            audit.recordAfterCommit(actor, AUDIT_POLICY_DELETED, "sla-policy:" + id, name);
        });
    }

    /**
     * Saves business hours (new when the id is {@code null}).
     *
     * @throws SlaException when the name, zone or hours are missing or invalid; nothing changes
     */
    @Transactional
    public BusinessHoursSettings saveBusinessHours(BusinessHoursSettings hours) {
        String actor = requireSupervisor();
        String name = required(hours.name(), "Business hours need a name.");
        if (name.length() > 200) {
            throw new SlaException("A name has at most 200 characters.");
        }
        schedules.findByNameIgnoreCase(name).filter(other -> !other.getId().equals(hours.id())).ifPresent(other -> {
            throw new SlaException("Business hours named \"" + name + "\" exist already.");
        });
        if (hours.hours() == null) {
            throw new SlaException("Business hours need at least one open interval in the week.");
        }
        Set<java.time.LocalDate> dates = new HashSet<>();
        for (Holiday holiday : hours.holidays()) {
            if (!dates.add(holiday.date())) {
                throw new SlaException("The holiday " + holiday.date() + " is listed twice.");
            }
        }
        BusinessHoursSettings clean = new BusinessHoursSettings(hours.id(), name,
                BusinessHoursSettings.zone(hours.timeZone()).getId(), hours.hours(), hours.holidays());
        clean.calendar();
        BusinessHours saved;
        if (clean.id() == null) {
            saved = schedules.save(new BusinessHours(clean));
        } else {
            saved = schedules.findById(clean.id())
                    .orElseThrow(() -> new SlaException("Those business hours no longer exist; reload the page."));
            saved.change(clean);
            schedules.flush();
        }
        BusinessHoursSettings result = saved.settings();
        forgetCachedSettings();
        audit.recordAfterCommit(actor, AUDIT_HOURS_SAVED, "business-hours:" + result.id(), result.name() + ": "
                + result.timeZone() + ", " + result.hours() + ", " + result.holidays().size() + " holidays");
        return result;
    }

    /**
     * Deletes business hours.
     *
     * @throws SlaException when a policy still counts in them
     */
    @Transactional
    public void deleteBusinessHours(long id) {
        String actor = requireSupervisor();
        if (policies.existsByScheduleId(id)) {
            throw new SlaException("These business hours are used by an SLA policy; change that policy first.");
        }
        schedules.findById(id).ifPresent(schedule -> {
            String name = schedule.getName();
            schedules.delete(schedule);
            forgetCachedSettings();
            audit.recordAfterCommit(actor, AUDIT_HOURS_DELETED, "business-hours:" + id, name);
        });
    }

    /**
     * The enabled policy for a priority and channel kind: one for the channel beats one for every channel. Cached: a
     * change made on this node is seen at once, one made on another node within seconds.
     */
    @Transactional(readOnly = true)
    public Optional<SlaPolicySettings> policyFor(Priority priority, String channel) {
        return PolicyChoice.choose(enabledByPriority.get(priority, p -> policies.findByPriorityAndEnabledTrue(p)
                .stream().map(SlaPolicy::settings).toList()), priority, channel);
    }

    /** The calendar a policy counts in: its business hours, or calendar time when it has none. */
    @Transactional(readOnly = true)
    public BusinessCalendar calendarOf(SlaPolicySettings policy) {
        return calendar(policy.businessHoursId());
    }

    /** The calendar of a business-hours schedule; calendar time (24/7) for {@code null} or a deleted schedule. */
    @Transactional(readOnly = true)
    public BusinessCalendar calendar(Long businessHoursId) {
        return businessHoursId == null ? BusinessCalendar.alwaysOpen()
                : calendars.get(businessHoursId, id -> schedules.findById(id).map(s -> s.settings().calendar())
                        .orElse(BusinessCalendar.alwaysOpen()));
    }

    private void forgetCachedSettings() {
        enabledByPriority.invalidateAfterTransaction();
        calendars.invalidateAfterTransaction();
    }

    private SlaPolicySettings validate(SlaPolicySettings policy) {
        String name = required(policy.name(), "An SLA policy needs a name.");
        if (name.length() > 200) {
            throw new SlaException("A name has at most 200 characters.");
        }
        if (policy.priority() == null) {
            throw new SlaException("Choose the priority the policy applies to.");
        }
        String channel = policy.channel() == null || policy.channel().isBlank() ? null
                : policy.channel().strip().toLowerCase(Locale.ROOT);
        if (channel != null && !CHANNEL.matcher(channel).matches()) {
            throw new SlaException("A channel is a connector id such as whatsapp, email or webchat (got \""
                    + policy.channel().strip() + "\").");
        }
        if (policy.firstResponse() == null && policy.resolution() == null) {
            throw new SlaException("Set a first-response target, a resolution target, or both.");
        }
        checkTarget(policy.firstResponse(), "first-response");
        checkTarget(policy.resolution(), "resolution");
        if (policy.businessHoursId() != null && !schedules.existsById(policy.businessHoursId())) {
            throw new SlaException("Those business hours no longer exist; choose others.");
        }
        for (SlaPolicy existing : policies.findAll()) {
            SlaPolicySettings other = existing.settings();
            if (Objects.equals(other.id(), policy.id())) {
                continue;
            }
            if (other.name().equalsIgnoreCase(name)) {
                throw new SlaException("An SLA policy named \"" + name + "\" exists already.");
            }
            if (policy.enabled() && other.enabled() && other.priority() == policy.priority()
                    && Objects.equals(other.channel(), channel)) {
                throw new SlaException("The enabled policy \"" + other.name() + "\" already covers "
                        + policy.priority().name().toLowerCase(Locale.ROOT) + " priority on "
                        + (channel == null ? "every channel" : channel) + "; disable or change it first.");
            }
        }
        return new SlaPolicySettings(policy.id(), name, policy.priority(), channel, policy.firstResponse(),
                policy.resolution(), policy.businessHoursId(), policy.enabled());
    }

    private static void checkTarget(Duration target, String what) {
        if (target == null) {
            return;
        }
        if (target.isNegative() || target.isZero() || target.toSecondsPart() != 0 || target.toNanosPart() != 0) {
            throw new SlaException("The " + what + " target must be a positive number of whole minutes.");
        }
        if (target.compareTo(LONGEST_TARGET) > 0) {
            throw new SlaException("The " + what + " target can be at most " + LONGEST_TARGET.toHours() + " hours.");
        }
    }

    private static String required(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new SlaException(problem);
        }
        return value.strip();
    }

    private static String describe(SlaPolicySettings policy) {
        return policy.name() + ": " + policy.priority() + " on " + (policy.channel() == null ? "any channel"
                : policy.channel()) + ", first response " + DurationText.format(policy.firstResponse())
                + ", resolution " + DurationText.format(policy.resolution()) + ", hours "
                + (policy.businessHoursId() == null ? "24/7" : "#" + policy.businessHoursId())
                + (policy.enabled() ? "" : ", disabled");
    }

    /* The views check roles too; this is the server's own check, so no other caller can skip it. */
    private static String requireSupervisor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = who != null && who.isAuthenticated() && who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.SUPERVISOR.authority()));
        if (!allowed) {
            throw new AccessDeniedException("Only supervisors and admins change SLA settings.");
        }
        return who.getName();
    }
}
