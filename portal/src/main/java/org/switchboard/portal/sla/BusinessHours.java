package org.switchboard.portal.sla;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored business-hours schedule: weekly intervals and holidays in a time zone. */
@Entity
@Table(name = "sla_schedule")
class BusinessHours {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_schedule_seq")
    @SequenceGenerator(name = "sla_schedule_seq", sequenceName = "sla_schedule_seq", allocationSize = 50)
    private Long id;

    private String name;

    @Column(name = "time_zone")
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sla_schedule_hours", joinColumns = @JoinColumn(name = "schedule_id"))
    private Set<Slot> slots = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sla_holiday", joinColumns = @JoinColumn(name = "schedule_id"))
    private Set<Day> holidays = new HashSet<>();

    @Version
    private long version;

    protected BusinessHours() {
    }

    BusinessHours(BusinessHoursSettings settings) {
        change(settings);
    }

    /* New collection instances: Hibernate then rewrites the rows instead of matching each old one. */
    void change(BusinessHoursSettings settings) {
        this.name = settings.name();
        this.timeZone = settings.timeZone();
        Set<Slot> newSlots = new HashSet<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            settings.hours().on(day).forEach(h -> newSlots.add(new Slot(day, h.opensMinute(), h.closesMinute())));
        }
        this.slots = newSlots;
        Set<Day> newHolidays = new HashSet<>();
        settings.holidays().forEach(h -> newHolidays.add(new Day(h.date(), h.name())));
        this.holidays = newHolidays;
    }

    BusinessHoursSettings settings() {
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        slots.forEach(s -> days.computeIfAbsent(s.dayOfWeek, d -> new ArrayList<>())
                .add(OpeningHours.ofMinutes(s.opensMinute, s.closesMinute)));
        List<Holiday> dates = holidays.stream().map(h -> new Holiday(h.date, h.name))
                .sorted(Comparator.comparing(Holiday::date)).toList();
        return new BusinessHoursSettings(id, name, timeZone, WeeklyHours.of(days), dates);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    @Embeddable
    static class Slot {

        @Enumerated(EnumType.STRING)
        @JdbcTypeCode(SqlTypes.VARCHAR)
        @Column(name = "day_of_week")
        private DayOfWeek dayOfWeek;

        @Column(name = "opens_minute")
        private int opensMinute;

        @Column(name = "closes_minute")
        private int closesMinute;

        protected Slot() {
        }

        Slot(DayOfWeek dayOfWeek, int opensMinute, int closesMinute) {
            this.dayOfWeek = dayOfWeek;
            this.opensMinute = opensMinute;
            this.closesMinute = closesMinute;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Slot that && dayOfWeek == that.dayOfWeek && opensMinute == that.opensMinute
                    && closesMinute == that.closesMinute;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(dayOfWeek, opensMinute, closesMinute);
        }
    }

    @Embeddable
    static class Day {

        @Column(name = "holiday_date")
        private LocalDate date;

        private String name;

        protected Day() {
        }

        Day(LocalDate date, String name) {
            this.date = date;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Day that && java.util.Objects.equals(date, that.date)
                    && java.util.Objects.equals(name, that.name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(date, name);
        }
    }
}
