package org.switchboard.portal.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.switchboard.portal.conversation.Priority;

/** "Urgent on WhatsApp: first response within 30 minutes, resolution within 4 hours, Berlin office hours." */
@Entity
@Table(name = "sla_policy")
class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
    @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Priority priority;

    private String channel;

    @Column(name = "first_response_minutes")
    private Integer firstResponseMinutes;

    @Column(name = "resolution_minutes")
    private Integer resolutionMinutes;

    @Column(name = "schedule_id")
    private Long scheduleId;

    private boolean enabled;

    @Version
    private long version;

    protected SlaPolicy() {
    }

    SlaPolicy(SlaPolicySettings settings) {
        change(settings);
    }

    void change(SlaPolicySettings settings) {
        this.name = settings.name();
        this.priority = settings.priority();
        this.channel = settings.channel();
        this.firstResponseMinutes = minutes(settings.firstResponse());
        this.resolutionMinutes = minutes(settings.resolution());
        this.scheduleId = settings.businessHoursId();
        this.enabled = settings.enabled();
    }

    SlaPolicySettings settings() {
        return new SlaPolicySettings(id, name, priority, channel, duration(firstResponseMinutes),
                duration(resolutionMinutes), scheduleId, enabled);
    }

    Long getId() {
        return id;
    }

    private static Integer minutes(Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMinutes());
    }

    private static Duration duration(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }
}
