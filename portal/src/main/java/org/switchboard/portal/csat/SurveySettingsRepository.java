package org.switchboard.portal.csat;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveySettingsRepository extends JpaRepository<SurveySettings, String> {
}
