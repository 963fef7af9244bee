package org.switchboard.portal.customerdata;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DataSourceSettingsRepository extends JpaRepository<DataSourceSettings, String> {

    List<DataSourceSettings> findAllByOrderByCreatedAt();
}
