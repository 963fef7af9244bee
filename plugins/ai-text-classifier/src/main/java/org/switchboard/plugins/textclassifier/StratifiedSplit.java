package org.switchboard.plugins.textclassifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.switchboard.plugin.api.ai.LabelledText;

/**
 * Splits examples into a training part and a held-out part with the same share of every label, deterministically
 * (a fixed seed), so the held-out figures of the shipped model can be recomputed by anyone.
 *
 * @param training what the model learns from
 * @param heldOut  what it is evaluated on, never trained on
 */
public record StratifiedSplit(List<LabelledText> training, List<LabelledText> heldOut) {

    /** The share held out for evaluation. */
    public static final double HELD_OUT_SHARE = 0.2;
    static final long SEED = 20261123L;

    public StratifiedSplit {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    /** 80/20 per label; every label keeps at least one example on each side. */
    public static StratifiedSplit of(List<LabelledText> examples) {
        Map<String, List<LabelledText>> byLabel = new LinkedHashMap<>();
        for (LabelledText example : examples) {
            byLabel.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(example);
        }
        Random random = new Random(SEED);
        List<LabelledText> training = new ArrayList<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (List<LabelledText> group : byLabel.values()) {
            List<LabelledText> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int held = (int) Math.round(shuffled.size() * HELD_OUT_SHARE);
            held = Math.max(1, Math.min(held, shuffled.size() - 1));
            heldOut.addAll(shuffled.subList(0, held));
            training.addAll(shuffled.subList(held, shuffled.size()));
        }
        return new StratifiedSplit(training, heldOut);
    }
}
