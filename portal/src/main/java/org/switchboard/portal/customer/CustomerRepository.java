package org.switchboard.portal.customer;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** Customers not merged into another, newest first. */
    @Query("select c from Customer c where c.mergedIntoId is null order by c.createdAt desc, c.id desc")
    List<Customer> findActive(Limit limit);

    @Query("select c from Customer c where c.mergedIntoId = :survivorId order by c.id")
    List<Customer> findMergedInto(Long survivorId);

    @Query("select c from Customer c where c.id in :ids")
    List<Customer> findByIds(Collection<Long> ids);

    /** As {@link #findByIds}, in native SQL (translated once, whatever the number of ids) and without a flush: for the ingest
     * writer, before it writes anything. */
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(
            name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "MANUAL"))
    @Query(value = "select * from customer where id in (:ids)", nativeQuery = true)
    List<Customer> loadByIds(Collection<Long> ids);
}
