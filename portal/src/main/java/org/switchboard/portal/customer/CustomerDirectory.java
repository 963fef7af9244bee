package org.switchboard.portal.customer;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers: by id (a merged customer's id leads to the customer it was merged into), by name (full-text),
 * newest first. Merged customers are never listed.
 */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

    private static final int MAX_HITS = 500;

    private final CustomerRepository customers;
    private final EntityManager entityManager;

    CustomerDirectory(CustomerRepository customers, EntityManager entityManager) {
        this.customers = customers;
        this.entityManager = entityManager;
    }

    /** The id to use for a customer: its own, or that of the customer it was merged into. */
    public Optional<Long> resolveId(long customerId) {
        return customers.findById(customerId).map(c -> c.isMerged() ? c.getMergedIntoId() : c.getId());
    }

    /** The customer, or the one it was merged into. */
    public Optional<CustomerSummary> find(long customerId) {
        return resolveId(customerId).flatMap(customers::findById).map(CustomerSummary::of);
    }

    /** The latest customers (not merged ones), newest first. */
    public List<CustomerSummary> latest(int limit) {
        return customers.findActive(Limit.of(limit)).stream().map(CustomerSummary::of).toList();
    }

    /**
     * Customers whose name matches all words of the query. A merged customer's name finds the customer it was
     * merged into (the same person), never the merged record itself.
     */
    public List<CustomerSummary> searchByName(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<Long> hits = Search.session(entityManager).search(Customer.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.simpleQueryString().field("displayName").matching(query.strip())
                        .defaultOperator(BooleanOperator.AND))
                .fetchHits(MAX_HITS);
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> found = customers.findByIds(hits).stream()
                .collect(Collectors.toMap(Customer::getId, Function.identity()));
        Map<Long, Long> survivorIds = new LinkedHashMap<>();
        for (Long hit : hits) {
            Customer c = found.get(hit);
            if (c != null) {
                long survivor = c.isMerged() ? c.getMergedIntoId() : c.getId();
                survivorIds.putIfAbsent(survivor, survivor);
            }
        }
        Map<Long, Customer> survivors = customers.findByIds(survivorIds.keySet()).stream()
                .collect(Collectors.toMap(Customer::getId, Function.identity()));
        return survivorIds.keySet().stream().map(survivors::get).filter(java.util.Objects::nonNull)
                .limit(limit).map(CustomerSummary::of).toList();
    }
}
