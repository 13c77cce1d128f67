package io.shizheng.documents.internal;

import java.time.LocalDate;
import java.util.List;

/** One valid document record of an import, with the deadline computed for it. */
record DocumentRecord(int line, String docNo, long agencyId, String unit, DocType type, Priority priority,
                      String subject, LocalDate received, LocalDate setDeadline, LocalDate closed,
                      List<Integer> extensions, boolean projectControl, OverdueReason overdueReason,
                      DeadlineRules.Deadline deadline) {

    int extensionDays() {
        int sum = 0;
        for (int d : extensions) {
            sum += d;
        }
        return sum;
    }

    Boolean onTime() {
        return closed == null ? null : DeadlineRules.onTime(closed, deadline.deadline());
    }
}
