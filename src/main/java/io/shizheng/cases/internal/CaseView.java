package io.shizheng.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as a signed-in person sees it. {@code citizen} is in full only for the handling agency and RDEC;
 * everyone else gets it masked ({@code personalDataMasked}).
 */
record CaseView(String caseNo, String type, String typeName, String channel, String channelName, String category,
                String categoryName, String description, Double lon, Double lat, String address, String districtCode,
                String district, String village, long agencyId, String agencyName, String status, Instant receivedAt,
                LocalDate dueOn, LocalDate extendedDueOn, String extensionReason, LocalDate effectiveDue, boolean overdue,
                int workingDaysOverdue, Instant closedAt, String reply, String closingCategory, String closingCategoryName,
                Integer rating, int reopenCount, String relatedCaseNo, String replyBy, Citizen citizen,
                boolean personalDataMasked, String verifyCode, LocalDate reassignBy, boolean mayAct, boolean mayReassign,
                boolean mayExtend, boolean demo, List<HopView> hops) {

    record HopView(Instant at, String kind, String fromAgency, String toAgency, String reason, String by) {
    }
}
