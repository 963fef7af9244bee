package org.switchboard.portal.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists customers that are likely one person, for an agent to confirm; never merges by itself. Rules (see
 * {@link DuplicateSuggestion.Rule}), over customers not merged into another:
 * <ul>
 * <li><b>same name and phone number</b>: equal display names (case- and accent-insensitive, the database's
 * collation) and two phone identities whose national significant numbers are equal while their country codes differ
 * (the same number read under two guessed countries: {@code +44 7400 123456} and {@code +49 7400 123456});</li>
 * <li><b>same name and email local part</b>: equal display names and two email identities with the same local part
 * ({@code +tag} sub-address ignored) at different domains ({@code kim@gmail.com}, {@code kim@work.example});</li>
 * <li><b>shared account id</b>: one identity value (at least 6 characters) under two different identity kinds on two
 * customers, e.g. a WhatsApp {@code whatsapp-user-id} that the generic API channel also reports as its {@code api}
 * id, or a phone reported as an {@code api} id. Values of one kind are unique, so two customers can share a value only
 * across kinds; provider ids are long and random enough that such a match is no coincidence.</li>
 * </ul>
 * A pair an agent dismissed ("not the same person") is never suggested again.
 */
@Service
public class DuplicateSuggestions {

    /** Audit action (stored string). */
    public static final String AUDIT_DISMISSED = "customer.duplicate-dismissed";

    private static final String ACTIVE_PAIR = """
            c1.merged_into_id is null and c2.merged_into_id is null and c1.id < c2.id
            and not exists (select 1 from customer_duplicate_dismissal d
                where d.customer_low_id = c1.id and d.customer_high_id = c2.id)""";

    private final JdbcTemplate jdbc;
    private final IdentityNormalizer normalizer;
    private final CustomerRepository customers;
    private final org.switchboard.portal.audit.AuditLog audit;
    private final java.time.Clock clock;

    DuplicateSuggestions(JdbcTemplate jdbc, IdentityNormalizer normalizer, CustomerRepository customers,
            org.switchboard.portal.audit.AuditLog audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.normalizer = normalizer;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** All current suggestions, newest customers first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<DuplicateSuggestion> suggestions(int limit) {
        return find(null, limit);
    }

    /** The suggestions involving one customer (a merged customer's id means the survivor's). */
    @Transactional(readOnly = true)
    public List<DuplicateSuggestion> suggestionsFor(long customerId) {
        Optional<Customer> customer = customers.findById(customerId);
        if (customer.isEmpty()) {
            return List.of();
        }
        long id = customer.get().isMerged() ? customer.get().getMergedIntoId() : customerId;
        return find(id, Integer.MAX_VALUE);
    }

    /** Records that two customers are not the same person; the pair is not suggested again. */
    @Transactional
    public void dismiss(long customerId, long otherCustomerId) {
        if (customerId == otherCustomerId) {
            throw new MergeNotPossibleException("a customer is always the same person as itself");
        }
        long low = Math.min(customerId, otherCustomerId);
        long high = Math.max(customerId, otherCustomerId);
        if (customers.findByIds(List.of(low, high)).size() != 2) {
            throw new UnknownCustomerException(customers.existsById(low) ? high : low);
        }
        String actor = Actor.current();
        jdbc.update("""
                insert into customer_duplicate_dismissal (customer_low_id, customer_high_id, dismissed_at, dismissed_by)
                values (?, ?, ?, ?) on duplicate key update dismissed_at = dismissed_at""",
                low, high, Sql.utc(clock.instant()), actor);
        audit.recordAfterCommit(actor, AUDIT_DISMISSED, "customer:" + low,
                "not the same person as customer #" + high);
    }

    private record Pair(long a, long b) {
    }

    private List<DuplicateSuggestion> find(Long customerId, int limit) {
        String only = customerId == null ? "" : " and (c1.id = " + customerId + " or c2.id = " + customerId + ")";
        Map<Pair, List<DuplicateSuggestion.Reason>> found = new LinkedHashMap<>();

        jdbc.query("""
                select c1.id a, c2.id b, i1.identity_value v1, i2.identity_value v2
                from customer c1 join customer c2 on c2.display_name = c1.display_name
                join customer_identity i1 on i1.customer_id = c1.id and i1.kind = 'phone'
                join customer_identity i2 on i2.customer_id = c2.id and i2.kind = 'phone'
                where c1.display_name is not null and c1.display_name <> '' and \s""" + ACTIVE_PAIR + only,
                rs -> {
                    String v1 = rs.getString("v1");
                    String v2 = rs.getString("v2");
                    Optional<String> n1 = normalizer.nationalSignificantNumber(v1).map(DuplicateSuggestions::noZeros);
                    Optional<String> n2 = normalizer.nationalSignificantNumber(v2).map(DuplicateSuggestions::noZeros);
                    if (n1.isPresent() && n1.equals(n2) && !v1.equals(v2)) {
                        add(found, rs.getLong("a"), rs.getLong("b"), DuplicateSuggestion.Rule.SAME_NAME_AND_PHONE_NUMBER,
                                v1 + " / " + v2);
                    }
                });

        jdbc.query("""
                select c1.id a, c2.id b, i1.identity_value v1, i2.identity_value v2
                from customer c1 join customer c2 on c2.display_name = c1.display_name
                join customer_identity i1 on i1.customer_id = c1.id and i1.kind = 'email'
                join customer_identity i2 on i2.customer_id = c2.id and i2.kind = 'email'
                where c1.display_name is not null and c1.display_name <> '' and \s""" + ACTIVE_PAIR + only,
                rs -> {
                    String v1 = rs.getString("v1");
                    String v2 = rs.getString("v2");
                    if (localPart(v1).equals(localPart(v2)) && !domain(v1).equals(domain(v2))) {
                        add(found, rs.getLong("a"), rs.getLong("b"),
                                DuplicateSuggestion.Rule.SAME_NAME_AND_EMAIL_LOCAL_PART, v1 + " / " + v2);
                    }
                });

        jdbc.query("""
                select c1.id a, c2.id b, i1.kind k1, i2.kind k2, i1.identity_value v
                from customer_identity i1
                join customer_identity i2 on i2.identity_value = i1.identity_value and i2.kind <> i1.kind
                join customer c1 on c1.id = i1.customer_id join customer c2 on c2.id = i2.customer_id
                where char_length(i1.identity_value) >= 6 and \s""" + ACTIVE_PAIR + only,
                rs -> {
                    add(found, rs.getLong("a"), rs.getLong("b"), DuplicateSuggestion.Rule.SHARED_ACCOUNT_ID,
                            rs.getString("k1") + " and " + rs.getString("k2") + ": " + rs.getString("v"));
                });

        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.keySet().stream().flatMap(p -> java.util.stream.Stream.of(p.a(), p.b())).distinct()
                .toList();
        Map<Long, CustomerSummary> summaries = customers.findByIds(ids).stream()
                .collect(Collectors.toMap(Customer::getId, CustomerSummary::of, (x, y) -> x));
        List<DuplicateSuggestion> result = new ArrayList<>();
        found.forEach((pair, reasons) -> {
            CustomerSummary a = summaries.get(pair.a());
            CustomerSummary b = summaries.get(pair.b());
            if (a != null && b != null) {
                result.add(new DuplicateSuggestion(a, b, reasons.stream().distinct().toList()));
            }
        });
        result.sort(Comparator.comparing((DuplicateSuggestion s) -> s.second().id()).reversed()
                .thenComparing(s -> s.first().id()));
        return result.stream().limit(limit).toList();
    }

    private static void add(Map<Pair, List<DuplicateSuggestion.Reason>> found, long a, long b,
            DuplicateSuggestion.Rule rule, String evidence) {
        found.computeIfAbsent(new Pair(a, b), p -> new ArrayList<>())
                .add(new DuplicateSuggestion.Reason(rule, evidence));
    }

    /** A national number some writer kept the trunk 0 in ({@code +49 0151…}) is the same number. */
    private static String noZeros(String nationalNumber) {
        return nationalNumber.replaceFirst("^0+", "");
    }

    private static String localPart(String email) {
        String local = email.substring(0, email.lastIndexOf('@'));
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }

    private static String domain(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}
