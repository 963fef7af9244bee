package org.switchboard.portal.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerAttributeRepository extends JpaRepository<CustomerAttribute, Long> {

    Optional<CustomerAttribute> findByKey(String key);

    List<CustomerAttribute> findAllByOrderByPositionAscIdAsc();
}
