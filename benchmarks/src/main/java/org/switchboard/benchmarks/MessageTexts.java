package org.switchboard.benchmarks;

import java.util.List;
import java.util.Random;

/**
 * Chat messages that look like a shop's support traffic: one to four sentences, order numbers and product names,
 * so the full-text index gets realistic, varied terms rather than one repeated string.
 */
final class MessageTexts {

    private static final List<String> SENTENCES = List.of(
            "Hi, my order #%d hasn't arrived yet.",
            "Can you check the tracking for order %d please?",
            "I was charged twice for the %s, I need a refund.",
            "The %s I received is the wrong size, how do I exchange it?",
            "Is the %s back in stock anytime soon?",
            "Hello?",
            "Thanks, that helps a lot!",
            "My invoice %d shows the wrong address.",
            "Do you ship to Norway? The checkout won't let me pick it.",
            "The zipper on my %s broke after %d days of use.",
            "I can't log in to my account, the reset email never comes.",
            "Could you cancel order %d? I ordered the %s by mistake.",
            "What's the warranty on the %s?",
            "The discount code SPRING%d doesn't work at checkout.",
            "Still waiting for an answer about my return.",
            "Great, I'll wait for the courier then.",
            "Where can I find the size chart for the %s?",
            "Your website shows %d in stock but the cart says sold out.");
    private static final List<String> PRODUCTS = List.of(
            "trail boots", "rain jacket", "two-person tent", "sleeping bag", "headlamp", "hiking poles",
            "fleece", "daypack", "camping stove", "water filter", "gaiters", "down vest");

    private final Random random;

    MessageTexts(Random random) {
        this.random = random;
    }

    String next() {
        int sentences = 1 + random.nextInt(4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String template = SENTENCES.get(random.nextInt(SENTENCES.size()));
            text.append(fill(template));
        }
        return text.toString();
    }

    String product() {
        return PRODUCTS.get(random.nextInt(PRODUCTS.size()));
    }

    private String fill(String template) {
        StringBuilder filled = new StringBuilder();
        int at = 0;
        int placeholder;
        while ((placeholder = template.indexOf('%', at)) >= 0) {
            filled.append(template, at, placeholder);
            filled.append(template.charAt(placeholder + 1) == 'd'
                    ? String.valueOf(10_000 + random.nextInt(90_000))
                    : product());
            at = placeholder + 2;
        }
        return filled.append(template, at, template.length()).toString();
    }
}
