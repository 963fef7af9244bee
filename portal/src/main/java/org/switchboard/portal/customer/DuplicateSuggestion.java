package org.switchboard.portal.customer;

import java.util.List;

/**
 * Two customers that are probably one person, for an agent to merge ({@link CustomerMerger#merge}) or dismiss
 * ({@link DuplicateSuggestions#dismiss}). Nothing is merged without an agent.
 *
 * @param first   the older customer (lower id), the natural survivor
 * @param second  the newer customer
 * @param reasons why they look alike, each with its evidence
 */
public record DuplicateSuggestion(CustomerSummary first, CustomerSummary second, List<Reason> reasons) {

    /** The rules that propose a pair. */
    public enum Rule {
        /** Same name, and phone numbers with the same national number under different country codes. */
        SAME_NAME_AND_PHONE_NUMBER,
        /** Same name, and email addresses with the same local part (sub-address ignored) at different domains. */
        SAME_NAME_AND_EMAIL_LOCAL_PART,
        /** The same identity value under two identity kinds (an account id one channel and another both know). */
        SHARED_ACCOUNT_ID
    }

    /**
     * One reason.
     *
     * @param rule     the rule
     * @param evidence the two values that matched, for the agent to judge
     */
    public record Reason(Rule rule, String evidence) {
    }
}
