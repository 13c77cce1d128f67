package io.shizheng.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published (as a Spring application event, inside the writing transaction) when days of the working-day calendar
 * turned from working days into days off or back: a typhoon day declared, a holiday corrected, a make-up working
 * Saturday added or removed. {@code change} names this change once, so that a listener that hears it again (the
 * event publication registry redelivers after a failure) can tell it has already followed it.
 */
public record WorkingDaysChanged(UUID change, List<LocalDate> days, Instant at) {

    public WorkingDaysChanged {
        days = List.copyOf(days);
    }
}
