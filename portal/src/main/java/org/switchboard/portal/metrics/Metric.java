package org.switchboard.portal.metrics;

import java.util.Locale;
import java.util.function.Function;

/**
 * What the dashboards show, each computed from rollup totals. The descriptions are the tooltips and say exactly
 * what docs/metrics.md says.
 */
public enum Metric {
    CONVERSATIONS("Conversations", Kind.COUNT,
            "Conversations started (the customer's first message, or split off another), at their start.",
            t -> (double) t.get(Measure.CREATED)),
    FIRST_RESPONSE_MEDIAN("First response, median", Kind.DURATION,
            "From the customer's first message to the first human reply (bot replies and notes never count),"
                    + " calendar time; nearest-rank median, exact to the second below 1,000 s, else within 1%.",
            t -> percentile(t, DurationMeasure.FRT, 50)),
    FIRST_RESPONSE_P90("First response, p90", Kind.DURATION,
            "90th percentile (nearest rank) of the first response time, calendar time.",
            t -> percentile(t, DurationMeasure.FRT, 90)),
    FIRST_RESPONSE_AVERAGE("First response, average", Kind.DURATION,
            "Average first response time, calendar time (exact).", t -> average(t, DurationMeasure.FRT)),
    FIRST_RESPONSE_BUSINESS_MEDIAN("First response, median (business hours)", Kind.DURATION,
            "Median first response time counting only the reporting business hours (holidays closed).",
            t -> percentile(t, DurationMeasure.FRT_BUSINESS, 50)),
    FIRST_RESPONSE_BUSINESS_P90("First response, p90 (business hours)", Kind.DURATION,
            "90th percentile of the first response time in business hours.",
            t -> percentile(t, DurationMeasure.FRT_BUSINESS, 90)),
    FIRST_RESPONSE_BUSINESS_AVERAGE("First response, average (business hours)", Kind.DURATION,
            "Average first response time in business hours.", t -> average(t, DurationMeasure.FRT_BUSINESS)),
    RESOLUTIONS("Resolutions", Kind.COUNT,
            "Contacts resolved: a conversation's first resolution, and again after a reopen more than 7 days"
                    + " later (a new contact). Resolving again after a reopen within 7 days does not count twice.",
            t -> (double) t.get(Measure.RESOLVED)),
    RESOLUTION_MEDIAN("Time to resolution, median", Kind.DURATION,
            "From the start of the contact (first message, or the reopen that began it) to its resolution,"
                    + " calendar time; nearest-rank median.", t -> percentile(t, DurationMeasure.TTR, 50)),
    RESOLUTION_P90("Time to resolution, p90", Kind.DURATION,
            "90th percentile of the time to resolution, calendar time.", t -> percentile(t, DurationMeasure.TTR, 90)),
    RESOLUTION_AVERAGE("Time to resolution, average", Kind.DURATION,
            "Average time to resolution, calendar time.", t -> average(t, DurationMeasure.TTR)),
    RESOLUTION_BUSINESS_MEDIAN("Time to resolution, median (business hours)", Kind.DURATION,
            "Median time to resolution in business hours.", t -> percentile(t, DurationMeasure.TTR_BUSINESS, 50)),
    RESOLUTION_BUSINESS_P90("Time to resolution, p90 (business hours)", Kind.DURATION,
            "90th percentile of the time to resolution in business hours.",
            t -> percentile(t, DurationMeasure.TTR_BUSINESS, 90)),
    RESOLUTION_BUSINESS_AVERAGE("Time to resolution, average (business hours)", Kind.DURATION,
            "Average time to resolution in business hours.", t -> average(t, DurationMeasure.TTR_BUSINESS)),
    FCR_RATE("First-contact resolution", Kind.RATE,
            "Share of resolutions with at most one human reply, no transfer (another team or agent) and no"
                    + " reopen within 7 days.", t -> rate(t.get(Measure.FCR), t.get(Measure.RESOLVED))),
    REOPENED_RATE("Reopened within 7 days", Kind.RATE,
            "Share of resolutions reopened within 7 days.",
            t -> rate(t.get(Measure.REOPENED), t.get(Measure.RESOLVED))),
    CSAT_SCORE("CSAT", Kind.RATE,
            "Share of ratings that are 4 or 5 (of 5), per survey sent; the latest rating of a survey counts.",
            t -> rate(t.get(Measure.CSAT_SATISFIED), t.get(Measure.CSAT_RATED))),
    CSAT_RESPONSE_RATE("CSAT response rate", Kind.RATE,
            "Rated surveys ÷ surveys sent, counted at the survey's sending.",
            t -> rate(t.get(Measure.CSAT_RATED), t.get(Measure.CSAT_SENT))),
    CSAT_AVERAGE("Average rating", Kind.RATING, "Average rating (1–5) of the rated surveys.",
            t -> rate(t.get(Measure.CSAT_SCORE_SUM), t.get(Measure.CSAT_RATED))),
    CSAT_RATINGS("Ratings", Kind.COUNT, "Surveys rated.", t -> (double) t.get(Measure.CSAT_RATED)),
    BOT_CONVERSATIONS("Bot conversations", Kind.COUNT,
            "Conversations the assistant engaged in (answered, or handed over), at its first engagement.",
            t -> (double) t.get(Measure.BOT_ENGAGED)),
    ESCALATION_RATE("Escalation rate", Kind.RATE,
            "Bot → human hand-offs ÷ bot-engaged conversations: escalated by the bot, or a human replied after it.",
            t -> rate(t.get(Measure.BOT_ESCALATED), t.get(Measure.BOT_ENGAGED))),
    BOT_RESOLUTION_RATE("Bot resolution rate", Kind.RATE,
            "Bot-engaged conversations resolved without a hand-off and not reopened within 7 days ÷ bot-engaged.",
            t -> rate(t.get(Measure.BOT_RESOLVED), t.get(Measure.BOT_ENGAGED))),
    CHANNEL_SWITCH_RATE("Channel-switch rate", Kind.RATE,
            "Conversations continued on another channel ÷ conversations started.",
            t -> rate(t.get(Measure.SWITCHED), t.get(Measure.CREATED))),
    CROSS_CHANNEL_RESOLUTION_RATE("Cross-channel resolution", Kind.RATE,
            "Of the conversations that switched channel, the share resolved after the switch (in the same"
                    + " conversation).", t -> rate(t.get(Measure.SWITCHED_RESOLVED), t.get(Measure.SWITCHED))),
    REPEAT_CONTACT_RATE("Repeat-contact rate", Kind.RATE,
            "Of the conversations with an intent, the share where the same customer had another conversation"
                    + " with the same intent that was open, or closed at most 7 days before.",
            t -> rate(t.get(Measure.REPEAT_CONTACT), t.get(Measure.REPEAT_ELIGIBLE))),
    SLA_FIRST_RESPONSE_BREACH_RATE("SLA breaches, first response", Kind.RATE,
            "First-response targets breached (or met late) ÷ first-response targets decided.",
            t -> rate(t.get(Measure.SLA_FR_BREACHED), t.get(Measure.SLA_FR_BREACHED) + t.get(Measure.SLA_FR_MET))),
    SLA_RESOLUTION_BREACH_RATE("SLA breaches, resolution", Kind.RATE,
            "Resolution targets breached (or met late) ÷ resolution targets decided (one per open period).",
            t -> rate(t.get(Measure.SLA_RES_BREACHED),
                    t.get(Measure.SLA_RES_BREACHED) + t.get(Measure.SLA_RES_MET))),
    ASSIGNED("Assignments", Kind.COUNT, "Conversations given to an agent (each ASSIGNED to an agent).",
            t -> (double) t.get(Measure.ASSIGNED)),
    REPLIES("Human replies", Kind.COUNT, "Replies sent by agents (notes are not replies).",
            t -> (double) t.get(Measure.REPLIES));

    /** How a value reads. */
    public enum Kind {
        /** A number of things. */
        COUNT,
        /** Seconds. */
        DURATION,
        /** A share from 0 to 1. */
        RATE,
        /** An average rating from 1 to 5. */
        RATING
    }

    private final String label;
    private final Kind kind;
    private final String description;
    private final Function<Totals, Double> compute;

    Metric(String label, Kind kind, String description, Function<Totals, Double> compute) {
        this.label = label;
        this.kind = kind;
        this.description = description;
        this.compute = compute;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** For metrics where lower is better (durations, breach, reopen, escalation, repeat rates). */
    public boolean lowerIsBetter() {
        return kind == Kind.DURATION || this == REOPENED_RATE || this == ESCALATION_RATE
                || this == REPEAT_CONTACT_RATE || this == SLA_FIRST_RESPONSE_BREACH_RATE
                || this == SLA_RESOLUTION_BREACH_RATE;
    }

    /** The value from totals, or {@code null} when it has no denominator / no samples. */
    Double valueOf(Totals totals) {
        return compute.apply(totals);
    }

    /** The value as shown: "1,234", "4m 05s", "82.5%", "4.25"; "—" for none. */
    public String format(Double value) {
        if (value == null) {
            return "—";
        }
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case DURATION -> formatDuration(Math.round(value));
            case RATE -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case RATING -> String.format(Locale.ROOT, "%.2f", value);
        };
    }

    /** "45s", "4m 05s", "3h 07m", "2d 04h". */
    public static String formatDuration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86400, seconds % 86400 / 3600);
    }

    private static Double percentile(Totals t, DurationMeasure d, int percent) {
        Long value = t.histogram(d).percentile(percent);
        return value == null ? null : value.doubleValue();
    }

    private static Double average(Totals t, DurationMeasure d) {
        return t.count(d) == 0 ? null : (double) t.sum(d) / t.count(d);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
