package io.shizheng.projects.internal;

import java.time.LocalDate;

/**
 * The year-end rule: a project finished on time when RDEC accepted its 100 % report on or before its due
 * date, which is the planned end or, after an approved revision, the latest revised end.
 */
final class OnTime {

    private OnTime() {
    }

    static boolean onTime(LocalDate closedOn, LocalDate dueDate) {
        return closedOn != null && dueDate != null && !closedOn.isAfter(dueDate);
    }
}
