package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Builds a phase's traffic from a seed: visitors, who writes how much, in what order, and which deliveries a
 * browser repeats.
 *
 * <p>The mix: 40% of visitors fill in the pre-chat form (name and email, sent with every message); a quarter of
 * those are a person already seen on another browser, giving the same address in other letter case, which
 * identity resolution must link to the existing customer; 20% give only a name; the rest are anonymous. Every
 * visitor writes at least one message, and a person's messages all go into their one open conversation. 2% of
 * deliveries repeat an earlier one exactly, which must be stored once.
 */
final class TrafficGenerator {

    static final double REDELIVERY_SHARE = 0.02;
    static final double PRE_CHAT_FORM_SHARE = 0.40;
    static final double SECOND_BROWSER_SHARE = 0.25;
    static final double NAME_ONLY_SHARE = 0.20;

    private static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Chloe", "David", "Elif", "Farid",
            "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lea", "Marta", "Noah", "Olga", "Pablo");

    private final Random random;
    private final MessageTexts texts;

    TrafficGenerator(long seed) {
        this.random = new Random(seed);
        this.texts = new MessageTexts(random);
    }

    /**
     * @param label      distinguishes the emails of different phases, so phases do not link to each other ("w1"
     *                   and "w11" stay apart: a separator comes before the visitor number)
     * @param deliveries total deliveries, redeliveries included
     * @param visitors   distinct visitors (fewer when there are not enough distinct messages for one each)
     * @param lanes      concurrent clients
     * @param contention whether a person's two browsers may write at the same moment (different lanes), which
     *                   makes concurrent writes to one conversation; otherwise a person writes from one place at a
     *                   time, as people do
     */
    TrafficPlan generate(String label, int deliveries, int visitors, int lanes, boolean contention) {
        int redeliveries = (int) Math.round(deliveries * REDELIVERY_SHARE);
        int distinct = deliveries - redeliveries;
        int visitorCount = Math.min(visitors, distinct);

        List<VisitorProfile> profiles = new ArrayList<>(visitorCount);
        List<Integer> firstBrowsers = new ArrayList<>();
        int[] laneOf = new int[visitorCount];
        int secondBrowsers = 0;
        for (int i = 0; i < visitorCount; i++) {
            laneOf[i] = i % lanes;
            double kind = random.nextDouble();
            if (kind < PRE_CHAT_FORM_SHARE) {
                if (!firstBrowsers.isEmpty() && random.nextDouble() < SECOND_BROWSER_SHARE) {
                    int first = firstBrowsers.get(random.nextInt(firstBrowsers.size()));
                    VisitorProfile person = profiles.get(first);
                    profiles.add(new VisitorProfile(person.name(), person.email().toUpperCase(Locale.ROOT)));
                    if (!contention) {
                        laneOf[i] = laneOf[first];
                    }
                    secondBrowsers++;
                } else {
                    String name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
                    profiles.add(new VisitorProfile(name + " " + label + "-" + i,
                            name.toLowerCase(Locale.ROOT) + "." + label + "-" + i + "@example.com"));
                    firstBrowsers.add(i);
                }
            } else if (kind < PRE_CHAT_FORM_SHARE + NAME_ONLY_SHARE) {
                profiles.add(new VisitorProfile(FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())), null));
            } else {
                profiles.add(new VisitorProfile(null, null));
            }
        }

        int[] messagesOf = new int[visitorCount];
        Arrays.fill(messagesOf, 1);
        for (int i = visitorCount; i < distinct; i++) {
            messagesOf[random.nextInt(visitorCount)]++;
        }

        List<List<Delivery>> laneDeliveries = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            List<Integer> turns = new ArrayList<>();
            for (int visitor = 0; visitor < visitorCount; visitor++) {
                for (int m = 0; laneOf[visitor] == lane && m < messagesOf[visitor]; m++) {
                    turns.add(visitor);
                }
            }
            // Visitors of a lane take turns at random; each visitor's own messages stay in order.
            Collections.shuffle(turns, random);
            List<Delivery> sequence = new ArrayList<>(turns.size() + redeliveries / lanes + 1);
            for (int visitor : turns) {
                sequence.add(new Delivery(visitor, new UUID(random.nextLong(), random.nextLong()).toString(),
                        texts.next(), false));
            }
            laneDeliveries.add(sequence);
        }

        int[] originals = laneDeliveries.stream().mapToInt(List::size).toArray();
        for (int r = 0; r < redeliveries; r++) {
            // A lane in proportion to its traffic, then a delivery of it, repeated at a later point of that lane.
            int pick = random.nextInt(distinct);
            int lane = 0;
            while (pick >= originals[lane]) {
                pick -= originals[lane];
                lane++;
            }
            List<Delivery> sequence = laneDeliveries.get(lane);
            int original = random.nextInt(sequence.size());
            Delivery repeated = sequence.get(original);
            int at = original + 1 + random.nextInt(sequence.size() - original);
            sequence.add(at, new Delivery(repeated.visitor(), repeated.messageId(), repeated.text(), true));
        }

        int customers = visitorCount - secondBrowsers;
        int identities = visitorCount + firstBrowsers.size();
        return new TrafficPlan(profiles, laneDeliveries, distinct, customers, identities);
    }
}
