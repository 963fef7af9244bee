package org.switchboard.portal.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerIdentityRepository extends JpaRepository<CustomerIdentity, Long> {

    @Query("select i from CustomerIdentity i join fetch i.customer where i.kind = :kind and i.value = :value")
    Optional<CustomerIdentity> find(String kind, String value);

    @Query("select i from CustomerIdentity i where i.customer.id = :customerId order by i.id")
    List<CustomerIdentity> findByCustomer(Long customerId);
}
