package org.switchboard.portal.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerEventRepository extends JpaRepository<CustomerEvent, Long> {

    List<CustomerEvent> findByCustomerIdOrderByOccurredAtDescIdDesc(Long customerId);
}
