package org.switchboard.portal.sla;

import java.time.LocalDate;

/**
 * A date on which a team does not work, in the time zone of its business hours.
 *
 * @param date the local date
 * @param name what it is, e.g. "Christmas Day"; empty when not given
 */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        if (date == null) {
            throw new SlaException("A holiday needs a date.");
        }
        name = name == null ? "" : name.strip();
        if (name.length() > 200) {
            throw new SlaException("A holiday's name has at most 200 characters.");
        }
    }
}
