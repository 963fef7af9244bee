package org.switchboard.portal.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerNoteRepository extends JpaRepository<CustomerNote, Long> {

    List<CustomerNote> findByCustomerIdOrderByCreatedAtDescIdDesc(Long customerId);
}
