package io.shizheng.cases.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A case as stored (personal data lives in {@link Citizen}, referenced by id). */
public record CaseRow(long id, String caseNo, String verifyCode, String type, Channel channel, String categoryCode,
               String description, Double lon, Double lat, String address, String districtCode, String districtName,
               String villageCode, String villageName, Long citizenId, ReplyBy replyBy, long agencyId, String status,
               Instant receivedAt, LocalDate receivedOn, LocalDate dueOn, LocalDate extendedDueOn,
               String extensionReason, Instant escalatedAt, Instant closedAt, String reply,
               ClosingCategory closingCategory, Integer rating, Instant ratedAt, int reopenCount, Long relatedCaseId,
               String token, String attributesJson, String mediaUrl, Instant updatedAt, boolean demo) {

    public boolean open() { return "OPEN".equals(status); }

    /** The deadline that counts: the extended one when the case was extended. */
    public LocalDate effectiveDue() { return extendedDueOn != null ? extendedDueOn : dueOn; }

    boolean overdueOn(LocalDate today) { return open() && today.isAfter(effectiveDue()); }
}
