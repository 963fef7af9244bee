package org.switchboard.portal.metrics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The hand-computed fixture: 19 conversations in March 2025 (and one in February for the previous period), with
 * business hours Monday–Friday 09:00–17:00 Europe/Berlin (CET, UTC+1 all month: no daylight-saving change). Every
 * time below is Berlin local time. The expected values are computed by hand in {@link MetricsFixtureTest}.
 *
 * <pre>
 * conv customer start              channel intent   story
 * c1   K1       Mon 03 10:00       W       billing  T1, a1; reply +150 s; resolved 10:30; CSAT 5; SLA both met
 * c2   K2       Fri 07 16:30       E       delivery T2; a2 replies Mon 10 09:13:20 (weekend); resolved 09:30; CSAT sent, no answer
 * c3   K3       Mon 03 11:00       W       billing  T1, a1; two replies; resolved 11:40; CSAT 3
 * c4   K4       Tue 04 09:30       A       login    T1, a1 replies; transferred to T2 and a2; resolved 10:10
 * c5   K5       Tue 04 08:00       E       delivery T2; a1 then a3 (reassigned); a3 replies 09:05; resolved 09:20
 * c6   K6       Wed 05 10:00       W       login    T2, a2; resolved 10:10; reopened Sat 08 (within 7 d); reply, resolved Mon 10
 * c7   K7       Mon 03 14:00       E       billing  T1, a3; resolved 14:15; reopened Thu 13 10:00 (after 7 d): new contact, reply, resolved 10:20
 * c8   K8       Tue 04 12:00       W       delivery bot reply; resolved 12:10 without a human
 * c9   K9       Wed 05 13:00       W       login    bot reply, ESCALATED; T2, a2 replies 13:10; resolved 13:30
 * c10  K10      Thu 06 15:00       A       billing  bot reply, then a1 replies (hand-off without ESCALATED); open
 * c11  K11      Thu 06 10:00       W       delivery T2, a2 replies on W; switched to A 10:20; reply; resolved 10:40 on A
 * c12  K12      Fri 07 11:00       E       login    T1; switched to W; never answered
 * c13  K1       Wed 05 09:30       W       billing  repeat of c1 (resolved 2 days before); T1, a1; resolved 09:50
 * c14  K1       Thu 06 09:30       W       delivery same customer, other intent: no repeat; open
 * c15  K15      Tue 11 09:00       A       billing  T1, a3; SLA first response breached (due 09:30, replied 09:55); resolution met late
 * c16  K16      Wed 12 14:00       E       login    T2, a2; two notes before the reply; resolved 14:30; CSAT 4 the next day
 * c17  K12      Wed 12 10:00       W       login    repeat: c12 (same intent) still open
 * c18  K18      Wed 12 11:00       W       (none)   merged away at 11:10, never classified
 * c19  K3       Wed 12 09:00       W       billing  9 days after c3's resolution: no repeat
 * p1   K20      Tue Feb 25 10:00   W       billing  previous period: T1, a1 replies +120 s, resolved 10:10
 * </pre>
 */
public final class MetricsFixture {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public final Seed seed;
    public final String web;
    public final String email;
    public final String whatsapp;
    public final long t1;
    public final long t2;
    public final long a1;
    public final long a2;
    public final long a3;
    public final long[] c = new long[20];
    public long p1;

    /** "03-05 10:00:00" (March 2025, Berlin) as an instant. */
    public static Instant t(String monthDayTime) {
        return LocalDateTime.parse("2025-" + monthDayTime, TIME).atZone(BERLIN).toInstant();
    }

    public MetricsFixture(Seed seed) {
        this.seed = seed;
        web = seed.account("Fixture web chat", "webchat");
        email = seed.account("Fixture email", "email");
        whatsapp = seed.account("Fixture WhatsApp", "whatsapp");
        t1 = seed.team("Fixture billing");
        t2 = seed.team("Fixture tech");
        a1 = seed.agent("Fixture Ada");
        a2 = seed.agent("Fixture Bo");
        a3 = seed.agent("Fixture Cy");
        long k1 = seed.customer();
        long k3 = seed.customer();
        long k12 = seed.customer();

        var c1 = conv(1, k1, web, "03-03 10:00:00").intent("billing").team("03-03 10:00:10", t1)
                .assign("03-03 10:01:00", a1).first("03-03 10:02:30", a1).resolve("03-03 10:30:00", a1)
                .csatSent("03-03 10:31:00", 101).csatRated("03-03 11:00:00", "5/5 by reply, survey #101");
        c1.sla("FIRST_RESPONSE", "03-03 10:00:00", "03-03 10:30:00", "03-03 10:02:30", null);
        c1.sla("RESOLUTION", "03-03 10:00:00", "03-03 14:00:00", "03-03 10:30:00", null);

        conv(2, seed.customer(), email, "03-07 16:30:00").intent("delivery").team("03-07 16:31:00", t2)
                .assign("03-10 09:10:00", a2).first("03-10 09:13:20", a2).resolve("03-10 09:30:00", a2)
                .csatSent("03-10 09:31:00", 102);

        conv(3, k3, web, "03-03 11:00:00").intent("billing").team("03-03 11:00:10", t1)
                .assign("03-03 11:01:00", a1).first("03-03 11:05:00", a1).reply("03-03 11:20:00", a1)
                .resolve("03-03 11:40:00", a1).csatSent("03-03 11:41:00", 103)
                .csatRated("03-03 12:00:00", "3/5 by link, survey #103");

        conv(4, seed.customer(), whatsapp, "03-04 09:30:00").intent("login").team("03-04 09:30:10", t1)
                .assign("03-04 09:31:00", a1).first("03-04 09:35:00", a1)
                .event("03-04 09:40:00", "TEAM_CHANGED", a1, null, "team #" + t2 + ": wrong team")
                .assign("03-04 09:41:00", a2).resolve("03-04 10:10:00", a2);

        conv(5, seed.customer(), email, "03-04 08:00:00").intent("delivery").team("03-04 08:00:10", t2)
                .assign("03-04 08:30:00", a1)
                .event("03-04 09:00:00", "ASSIGNED", null, null, "agent #" + a3 + ": agent went offline")
                .first("03-04 09:05:00", a3).resolve("03-04 09:20:00", a3);

        conv(6, seed.customer(), web, "03-05 10:00:00").intent("login").team("03-05 10:00:10", t2)
                .assign("03-05 10:01:00", a2).first("03-05 10:04:00", a2).resolve("03-05 10:10:00", a2)
                .event("03-08 12:00:00", "REOPENED", null, web, "customer wrote again")
                .reply("03-10 10:00:00", a2).resolve("03-10 10:05:00", a2);

        conv(7, seed.customer(), email, "03-03 14:00:00").intent("billing").team("03-03 14:00:10", t1)
                .assign("03-03 14:01:00", a3).first("03-03 14:03:00", a3).resolve("03-03 14:15:00", a3)
                .event("03-13 10:00:00", "REOPENED", null, email, "customer wrote again")
                .reply("03-13 10:06:00", a3).resolve("03-13 10:20:00", a3);

        conv(8, seed.customer(), web, "03-04 12:00:00").intent("delivery")
                .event("03-04 12:00:20", "BOT_REPLY", null, web, "0.91 (assistant@1) sources [kb-1]")
                .resolve("03-04 12:10:00", null);

        conv(9, seed.customer(), web, "03-05 13:00:00").intent("login")
                .event("03-05 13:00:20", "BOT_REPLY", null, web, "0.55 (assistant@1) sources []")
                .event("03-05 13:02:00", "ESCALATED", null, null, "customer asked for a human (assistant@1)")
                .team("03-05 13:02:10", t2).assign("03-05 13:03:00", a2).first("03-05 13:10:00", a2)
                .resolve("03-05 13:30:00", a2);

        conv(10, seed.customer(), whatsapp, "03-06 15:00:00").intent("billing")
                .event("03-06 15:00:20", "BOT_REPLY", null, whatsapp, "0.80 (assistant@1) sources []")
                .assign("03-06 15:05:00", a1).first("03-06 15:06:40", a1);

        conv(11, seed.customer(), web, "03-06 10:00:00").intent("delivery").team("03-06 10:00:10", t2)
                .assign("03-06 10:01:00", a2).first("03-06 10:05:00", a2)
                .event("03-06 10:20:00", "CHANNEL_SWITCHED", null, whatsapp, "from " + web)
                .reply("03-06 10:25:00", a2).resolve("03-06 10:40:00", a2);

        conv(12, k12, email, "03-07 11:00:00").intent("login").team("03-07 11:00:10", t1)
                .event("03-07 11:30:00", "CHANNEL_SWITCHED", null, web, "from " + email);

        conv(13, k1, web, "03-05 09:30:00").intent("billing").team("03-05 09:30:10", t1)
                .assign("03-05 09:31:00", a1).first("03-05 09:35:00", a1).resolve("03-05 09:50:00", a1);

        conv(14, k1, web, "03-06 09:30:00").intent("delivery");

        var c15 = conv(15, seed.customer(), whatsapp, "03-11 09:00:00").intent("billing").team("03-11 09:00:10", t1)
                .assign("03-11 09:01:00", a3)
                .event("03-11 09:50:00", "SLA_BREACHED", null, null,
                        "first response, policy \"Fixture\", due 2025-03-11T08:30:00Z")
                .first("03-11 09:55:00", a3).resolve("03-11 10:40:00", a3);
        c15.sla("FIRST_RESPONSE", "03-11 09:00:00", "03-11 09:30:00", "03-11 09:55:00", "03-11 09:30:00");
        c15.sla("RESOLUTION", "03-11 09:00:00", "03-11 10:30:00", "03-11 10:40:00", null);

        conv(16, seed.customer(), email, "03-12 14:00:00").intent("login").team("03-12 14:00:10", t2)
                .assign("03-12 14:01:00", a2)
                .event("03-12 14:02:00", "NOTE_ADDED", a2, null, "mentions #" + a1)
                .event("03-12 14:05:00", "NOTE_ADDED", a1, null, null)
                .first("03-12 14:12:00", a2).resolve("03-12 14:30:00", a2).csatSent("03-12 14:31:00", 116)
                .csatRated("03-13 09:00:00", "4/5 by widget, survey #116");

        conv(17, k12, web, "03-12 10:00:00").intent("login");

        conv(18, seed.customer(), web, "03-12 11:00:00")
                .event("03-12 11:10:00", "MERGED_AWAY", a1, null, "into #" + c[17]);

        conv(19, k3, web, "03-12 09:00:00").intent("billing");

        var p = conv(0, seed.customer(), web, "02-25 10:00:00").intent("billing").team("02-25 10:01:00", t1)
                .assign("02-25 10:01:30", a1).first("02-25 10:02:00", a1).resolve("02-25 10:10:00", a1);
        p1 = p.id;
    }

    public List<String> accounts() {
        return List.of(web, email, whatsapp);
    }

    private Conv conv(int number, long customer, String account, String created) {
        long id = seed.conversation(customer, account, t(created));
        c[number] = id;
        Conv conv = new Conv(id, account, created);
        conv.event(created, "CREATED", null, account, null);
        return conv;
    }

    /** Builds one conversation's events, in the shapes the portal records them. */
    public final class Conv {
        final long id;
        String channel;
        final String created;

        Conv(long id, String channel, String created) {
            this.id = id;
            this.channel = channel;
            this.created = created;
        }

        Conv event(String at, String type, Long agent, String account, String detail) {
            seed.queue(id, type, t(at), agent, account, detail);
            if (type.equals("CHANNEL_SWITCHED")) {
                channel = account;
            }
            return this;
        }

        /** Classified 5 seconds after the first message. */
        Conv intent(String label) {
            Instant at = t(created).plusSeconds(5);
            seed.queue(id, "AI_CLASSIFIED", at, null, null, "intent:" + label + " 0.93 (intent-model@1.0)");
            return this;
        }

        Conv team(String at, long team) {
            return event(at, "TEAM_CHANGED", null, null, "team #" + team + ": rule \"fixture\"");
        }

        Conv assign(String at, long agent) {
            return event(at, "ASSIGNED", null, null, "agent #" + agent);
        }

        /** The first human reply: FIRST_RESPONSE and AGENT_REPLY at the same moment, as ConversationStore does. */
        Conv first(String at, long agent) {
            event(at, "FIRST_RESPONSE", agent, channel, null);
            return reply(at, agent);
        }

        Conv reply(String at, long agent) {
            return event(at, "AGENT_REPLY", agent, channel, null);
        }

        Conv resolve(String at, Long agent) {
            return event(at, "RESOLVED", agent, null, "OPEN -> RESOLVED");
        }

        Conv csatSent(String at, long survey) {
            return event(at, "CSAT_SENT", null, channel, "survey #" + survey);
        }

        Conv csatRated(String at, String detail) {
            return event(at, "CSAT_RATED", null, null, detail);
        }

        Conv sla(String target, String started, String due, String met, String breached) {
            seed.slaTarget(id, target, t(started), t(due), met == null ? null : t(met),
                    breached == null ? null : t(breached));
            return this;
        }
    }
}
