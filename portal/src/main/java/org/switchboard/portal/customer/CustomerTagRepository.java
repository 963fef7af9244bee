package org.switchboard.portal.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerTagRepository extends JpaRepository<CustomerTag, Long> {

    List<CustomerTag> findByCustomerIdOrderByTag(Long customerId);
}
