package org.switchboard.portal.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerAttributeValueRepository extends JpaRepository<CustomerAttributeValue, Long> {

    List<CustomerAttributeValue> findByCustomerId(Long customerId);

    Optional<CustomerAttributeValue> findByCustomerIdAndAttributeId(Long customerId, Long attributeId);
}
