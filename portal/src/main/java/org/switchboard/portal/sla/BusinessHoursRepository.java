package org.switchboard.portal.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BusinessHoursRepository extends JpaRepository<BusinessHours, Long> {

    List<BusinessHours> findAllByOrderByNameAsc();

    Optional<BusinessHours> findByNameIgnoreCase(String name);
}
