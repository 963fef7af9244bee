package org.switchboard.portal.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerMergeRepository extends JpaRepository<CustomerMerge, Long> {

    @Query("""
            select m from CustomerMerge m where m.survivorId = :customerId or m.mergedId = :customerId
            order by m.mergedAt desc, m.id desc""")
    List<CustomerMerge> findInvolving(Long customerId);
}
