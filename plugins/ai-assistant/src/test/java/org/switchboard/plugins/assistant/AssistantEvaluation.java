package org.switchboard.plugins.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.AssistantReply.Decision;
import org.switchboard.plugin.api.ai.KnowledgePassage;

/**
 * The assistant's evaluation, a benchmark and not a test: runs every scripted conversation and prints the share
 * resolved autonomously, escalated and answered wrongly, next to two trivial baselines measured in the same run.
 *
 * <p>Run from plugins/ai-assistant: {@code ../../mvnw -q -o test-compile exec:java} (add {@code -Dexec.args=-v}
 * to list every case). An answer counts as autonomous when it is an ANSWER at or above the host's minimum
 * confidence; below it the host only suggests it to an agent, which counts as escalated. Wrong: an autonomous
 * answer where a person was needed, or one missing a required fact or containing a forbidden one.
 */
public final class AssistantEvaluation {

    /** The host's minimum confidence for autonomous answers used in the second table (an admin setting). */
    static final double HOST_MINIMUM = 0.7;

    interface Responder {
        AssistantReply reply(EvaluationCase c) throws AiException;
    }

    record Outcome(EvaluationCase c, AssistantReply reply, boolean autonomous, boolean wrong, String why) {
        boolean resolved() {
            return autonomous && !wrong;
        }
    }

    private AssistantEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = List.of(args).contains("-v");
        List<EvaluationCase> cases = EvaluationCase.load(new Bm25(EvaluationCase.articles()));
        GroundedAssistant assistant = new GroundedAssistant();
        Map<String, Responder> systems = new LinkedHashMap<>();
        systems.put("ai-assistant (templates)", c -> assistant.reply(c.request()));
        systems.put("baseline: always escalate", c -> new AssistantReply(Decision.ESCALATE, null, 1, List.of(), "",
                "baseline", GroundedAssistant.TEMPLATES));
        systems.put("baseline: top passage", AssistantEvaluation::topPassage);

        long expectAnswer = cases.stream().filter(c -> c.expected() == Decision.ANSWER).count();
        System.out.printf(Locale.ROOT, "%d conversations (%d answerable, %d need a person), %d categories%n%n",
                cases.size(), expectAnswer, cases.size() - expectAnswer,
                cases.stream().map(EvaluationCase::category).distinct().count());

        Map<String, List<Outcome>> strict = new LinkedHashMap<>();
        Map<String, List<Outcome>> raw = new LinkedHashMap<>();
        for (double minimum : new double[] {0, 0.6, HOST_MINIMUM}) {
            System.out.printf(Locale.ROOT, "host minimum confidence %.2f%n", minimum);
            System.out.printf(Locale.ROOT, "  %-28s %9s %10s %15s %14s%n", "system", "resolved", "escalated",
                    "answered wrong", "µs/conversation");
            for (Map.Entry<String, Responder> system : systems.entrySet()) {
                long started = System.nanoTime();
                List<Outcome> outcomes = run(cases, system.getValue(), minimum);
                long micros = (System.nanoTime() - started) / 1000 / cases.size();
                if (minimum == HOST_MINIMUM) {
                    strict.put(system.getKey(), outcomes);
                } else if (minimum == 0) {
                    raw.put(system.getKey(), outcomes);
                }
                long resolved = outcomes.stream().filter(Outcome::resolved).count();
                long escalated = outcomes.stream().filter(o -> !o.autonomous()).count();
                long wrong = outcomes.stream().filter(Outcome::wrong).count();
                System.out.printf(Locale.ROOT, "  %-28s %8.1f%% %9.1f%% %14.1f%% %14d%n", system.getKey(),
                        share(resolved, cases.size()), share(escalated, cases.size()), share(wrong, cases.size()),
                        micros);
            }
            System.out.println();
        }

        List<Outcome> ours = strict.get("ai-assistant (templates)");
        System.out.printf(Locale.ROOT, "ai-assistant by category (host minimum %.2f): resolved / escalated / wrong "
                + "of n; missed = escalated although answerable%n", HOST_MINIMUM);
        Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
        ours.forEach(o -> byCategory.computeIfAbsent(o.c().category(), k -> new ArrayList<>()).add(o));
        byCategory.forEach((category, list) -> System.out.printf(Locale.ROOT,
                "  %-20s n=%2d  resolved %2d  escalated %2d  wrong %2d  missed %2d%n", category, list.size(),
                list.stream().filter(Outcome::resolved).count(), list.stream().filter(o -> !o.autonomous()).count(),
                list.stream().filter(Outcome::wrong).count(),
                list.stream().filter(o -> !o.autonomous() && o.c().expected() == Decision.ANSWER).count()));
        System.out.println();
        System.out.printf(Locale.ROOT, "ai-assistant: wrong answers (at any confidence) and answers missed at %.2f%n",
                HOST_MINIMUM);
        List<Outcome> unfiltered = raw.get("ai-assistant (templates)");
        for (int i = 0; i < ours.size(); i++) {
            Outcome o = unfiltered.get(i).wrong() ? unfiltered.get(i) : ours.get(i);
            boolean missed = !o.autonomous() && o.c().expected() == Decision.ANSWER;
            if (o.wrong() || missed || verbose) {
                System.out.printf(Locale.ROOT, "  %-12s expected %-8s got %-8s %.2f  %s%n      %s%n", o.c().id(),
                        o.c().expected(), o.reply().decision(), o.reply().confidence(),
                        o.wrong() ? "WRONG: " + o.why() : missed ? "MISSED: " + o.reply().reason() : o.reply().reason(),
                        o.reply().text() == null ? "" : CustomerText.shorten(o.reply().text(), 220));
            }
        }
    }

    private static List<Outcome> run(List<EvaluationCase> cases, Responder system, double minimum)
            throws AiException {
        List<Outcome> outcomes = new ArrayList<>();
        for (EvaluationCase c : cases) {
            AssistantReply reply = system.reply(c);
            boolean autonomous = reply.decision() == Decision.ANSWER && reply.confidence() >= minimum;
            String why = autonomous ? judge(c, reply) : null;
            outcomes.add(new Outcome(c, reply, autonomous, why != null, why));
        }
        return outcomes;
    }

    /** Why an autonomous answer is wrong, or {@code null} when it is right. */
    static String judge(EvaluationCase c, AssistantReply reply) {
        if (c.expected() == Decision.ESCALATE) {
            return "answered where a person was needed";
        }
        String text = reply.text() == null ? "" : reply.text().toLowerCase(Locale.ROOT);
        for (String fact : c.facts()) {
            if (!text.contains(fact.toLowerCase(Locale.ROOT))) {
                return "misses “" + fact + "”";
            }
        }
        for (String fact : c.forbidden()) {
            if (text.contains(fact.toLowerCase(Locale.ROOT))) {
                return "contains “" + fact + "”";
            }
        }
        return null;
    }

    /** Answers every message with the retriever's best passage, as a naive FAQ bot would. */
    private static AssistantReply topPassage(EvaluationCase c) {
        List<KnowledgePassage> passages = c.request().passages();
        if (passages.isEmpty()) {
            return new AssistantReply(Decision.ESCALATE, null, 1, List.of(), "", "no passage",
                    GroundedAssistant.TEMPLATES);
        }
        KnowledgePassage top = passages.getFirst();
        return new AssistantReply(Decision.ANSWER, top.text(), 1, List.of(top.sourceId()), "", "top passage",
                GroundedAssistant.TEMPLATES);
    }

    private static double share(long count, int total) {
        return 100.0 * count / total;
    }
}
