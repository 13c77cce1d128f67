package io.shizheng.cases.internal;

import java.time.LocalDate;

import io.shizheng.platform.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reply, reassignment and extension deadlines on the city's working-day calendar. */
@Component
public class Deadlines {

    private final WorkingDayCalendar calendar;
    private final int extensionDays;

    Deadlines(WorkingDayCalendar calendar, @Value("${shizheng.cases.extension-days:6}") int extensionDays) {
        this.calendar = calendar;
        this.extensionDays = extensionDays;
    }

    /**
     * The reply deadline for a case received on {@code received}: counted from the next working day (day 1 is
     * the first working day after receipt) or, when the type says so, with the day of receipt as day 1.
     */
    public LocalDate replyDue(CaseType type, LocalDate received) {
        int n = type.replyDays();
        if (n == 0) {
            return calendar.nextWorkingDay(received);
        }
        if (!type.fromNextDay() && calendar.isWorkingDay(received)) {
            return n == 1 ? received : calendar.addWorkingDays(received, n - 1);
        }
        return calendar.addWorkingDays(received, n);
    }

    /** The last day on which an agency may hand a case back or on: n working days after it arrived. */
    LocalDate reassignBy(CaseType type, LocalDate arrived) {
        return calendar.addWorkingDays(arrived, type.reassignDays());
    }

    /** The new deadline of the one extension a case may get. */
    LocalDate extended(LocalDate due) {
        return calendar.addWorkingDays(due, extensionDays);
    }

    int extensionDays() { return extensionDays; }

    /** Working days a case is past its deadline (0 when not overdue). */
    int daysOverdue(LocalDate due, LocalDate today) {
        return calendar.workingDaysBetween(due, today);
    }
}
