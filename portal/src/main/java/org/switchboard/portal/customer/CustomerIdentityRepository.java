package org.switchboard.portal.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerIdentityRepository extends JpaRepository<CustomerIdentity, Long> {

    @Query("select i from CustomerIdentity i join fetch i.customer where i.kind = :kind and i.value = :value")
    Optional<CustomerIdentity> find(String kind, String value);

    /*
     * Kind, value and owner of the identities with these values (by value alone, so one IN list covers every kind;
     * the caller matches the kinds). Native SQL (JPQL with an IN list of varying length is translated again on every
     * call, which cost the ingest writer more than the query itself), without a flush: called before any write.
     */
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
            name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "MANUAL"))
    @Query(value = "select kind, identity_value, customer_id from customer_identity where identity_value in (:values)",
            nativeQuery = true)
    List<Object[]> findOwnersByValues(java.util.Collection<String> values);

    @Query("select i from CustomerIdentity i where i.customer.id = :customerId order by i.id")
    List<CustomerIdentity> findByCustomer(Long customerId);
}
