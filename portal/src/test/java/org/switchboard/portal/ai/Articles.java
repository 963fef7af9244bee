package org.switchboard.portal.ai;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test data for {@link RealAiPluginsTest}: help-centre articles (as in plugins/ai-embedder/dataset) and a CSV. */
final class Articles {

    /** Title → body. "Return policy" is the only one with the word "parcel". */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("Return policy", "You can return any item within 30 days of delivery for a full refund. Items must be"
                + " unused and in their original packaging. Sale items can be returned too. Return shipping is free"
                + " within Germany: start a return in your account under Orders, print the prepaid label and drop the"
                + " parcel at any DHL point. Exchanges for a different size or colour are free of charge; choose"
                + " exchange instead of refund when you start the return.");
        ALL.put("Missing deliveries", "If the tracking page says delivered but you cannot find the package, check with"
                + " your neighbours, your building's mailroom and any safe place the driver may have used, and look for"
                + " a notice from the carrier. If it has not turned up after 2 business days, tell us your order"
                + " number: we open an investigation with the carrier and send a replacement or refund the order.");
        ALL.put("Refund processing times", "Once your return arrives at our warehouse, we check it and issue the"
                + " refund within 5 business days. The money goes back to the original payment method. Banks can take"
                + " another 3-5 business days to show it on your statement; PayPal refunds usually appear within a"
                + " day.");
        ALL.put("Shipping times and costs", "Orders placed before 2 pm on a business day leave our warehouse the same"
                + " day. Delivery within Germany takes 1-3 business days; to other EU countries such as Austria, France"
                + " or the Netherlands 3-6 business days. Standard shipping costs 4.95 EUR and is free for orders over"
                + " 50 EUR. Express shipping costs 9.95 EUR and arrives the next business day within Germany.");
        ALL.put("Tracking your order", "As soon as your order ships we email you the tracking number and a link to the"
                + " carrier's tracking page. You can also see the status of every order in your account under Orders."
                + " Tracking can take up to 24 hours to show the first scan.");
        ALL.put("Damaged or wrong items", "If an item arrives broken or damaged in transit, or is not what you"
                + " ordered, send us a photo within 14 days of delivery together with your order number. We send a"
                + " replacement free of charge or refund you; you do not need to send a damaged item back first.");
        ALL.put("Cancelling an order", "You can cancel an order yourself in your account under Orders until it ships."
                + " Orders that have already shipped cannot be cancelled; return them instead within 30 days.");
        ALL.put("Invoices", "Your invoice is attached to the shipping confirmation email. You can also download it any"
                + " time in your account under Orders.");
    }

    /** Two intents, twelve examples each: the smallest upload the trainer takes with room for a held-out part. */
    static final String WARRANTY_CSV = """
            text,label
            my toaster stopped working after a month,warranty
            the blender is broken after six weeks,warranty
            is the coffee machine still under warranty,warranty
            the lamp has a defect after two months,warranty
            my headphones died after three months of use,warranty
            the zipper broke after normal use,warranty
            can you repair my kettle it stopped heating,warranty
            the vacuum cleaner is faulty,warranty
            my watch stopped after a few weeks,warranty
            how long is the guarantee on the heater,warranty
            the fridge makes noise and stopped cooling,warranty
            the drill stopped working after a month,warranty
            hello,other
            thanks a lot,other
            do you have a shop in Berlin,other
            who are you,other
            good morning,other
            what are your opening hours,other
            nice website,other
            are you hiring,other
            ok,other
            can I talk to you about a partnership,other
            have a nice day,other
            is this a real person,other
            """;

    private Articles() {
    }
}
