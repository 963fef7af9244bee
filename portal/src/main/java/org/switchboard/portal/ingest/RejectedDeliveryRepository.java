package org.switchboard.portal.ingest;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface RejectedDeliveryRepository extends JpaRepository<RejectedDelivery, Long> {

    List<RejectedDelivery> findAllByOrderByReceivedAtDescIdDesc(Limit limit);

    long countByChannelAccountId(String channelAccountId);
}
