package org.switchboard.portal.customer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.springframework.stereotype.Component;

/**
 * Who owns the identities with given values, customers loaded: one query for the ingest writer, which looks up the
 * senders of a whole batch before it writes anything.
 */
@Component
class IdentityOwners {

    @PersistenceContext
    private EntityManager entityManager;

    /*
     * Native SQL: JPQL with an IN list of varying length is translated again on every call, which cost the writer
     * more than the query. By value alone, so one list covers every kind; the identity's kind comes back with it.
     * Without a flush: nothing is written yet.
     */
    @SuppressWarnings("unchecked")
    Map<NormalizedIdentity, Customer> of(Collection<String> values) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select {c.*}, i.kind as owned_kind, i.identity_value as owned_value
                from customer_identity i join customer c on c.id = i.customer_id
                where i.identity_value in (:values)""")
                .unwrap(NativeQuery.class)
                .addEntity("c", Customer.class)
                .addScalar("owned_kind", StandardBasicTypes.STRING)
                .addScalar("owned_value", StandardBasicTypes.STRING)
                .setParameterList("values", values)
                .setHibernateFlushMode(FlushMode.MANUAL)
                .getResultList();
        Map<NormalizedIdentity, Customer> owners = new HashMap<>();
        for (Object[] row : rows) {
            owners.put(new NormalizedIdentity((String) row[1], (String) row[2]), (Customer) row[0]);
        }
        return owners;
    }
}
