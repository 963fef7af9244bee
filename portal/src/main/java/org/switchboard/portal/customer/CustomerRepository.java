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
}
