package org.switchboard.portal.channel;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelAccountRepository extends JpaRepository<ChannelAccount, String> {

    List<ChannelAccount> findByConnectorIdOrderByCreatedAt(String connectorId);

    List<ChannelAccount> findAllByOrderByCreatedAt();
}
