package org.switchboard.portal.csat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One channel account's survey settings (no row: surveys are off). */
@Entity
@Table(name = "csat_settings")
class SurveySettings {

    @Id
    @Column(name = "channel_account_id")
    private String channelAccountId;

    private boolean enabled;

    @Column(name = "delay_minutes")
    private int delayMinutes;

    @Column(name = "quiet_days")
    private int quietDays;

    private String question;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected SurveySettings() {
    }

    SurveySettings(String channelAccountId) {
        this.channelAccountId = channelAccountId;
    }

    void change(boolean enabled, int delayMinutes, int quietDays, String question, Instant now) {
        this.enabled = enabled;
        this.delayMinutes = delayMinutes;
        this.quietDays = quietDays;
        this.question = question;
        this.updatedAt = now;
    }

    String getChannelAccountId() {
        return channelAccountId;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getDelayMinutes() {
        return delayMinutes;
    }

    int getQuietDays() {
        return quietDays;
    }

    String getQuestion() {
        return question;
    }
}
