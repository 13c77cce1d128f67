package io.shizheng.cases.internal.open311;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.PersonalData;
import io.shizheng.platform.RocDate;
import org.springframework.stereotype.Component;
import io.shizheng.cases.internal.CaseRow;
import io.shizheng.cases.internal.Category;
import io.shizheng.cases.internal.ClosingCategory;
import io.shizheng.cases.internal.Catalogue;
import io.shizheng.cases.internal.CaseStore;

/** Cases as the specification's service requests, for the public list and the single request. */
@Component
class Open311Rendering {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Catalogue catalogue;
    private final CaseStore store;
    private final AgencyDirectory agencies;
    private final Jurisdiction jurisdiction;

    Open311Rendering(Catalogue catalogue, CaseStore store, AgencyDirectory agencies, Jurisdiction jurisdiction) {
        this.catalogue = catalogue;
        this.store = store;
        this.agencies = agencies;
        this.jurisdiction = jurisdiction;
    }

    /**
     * The specification's fields of a request; the reporter's contact never appears, and what they typed (description,
     * address, replies quoting them) is shown through {@link PersonalData}.
     */
    List<Map<String, Object>> render(List<CaseRow> rows) {
        Map<Long, String> agencyNames = agencyNames();
        Map<String, Category> cats = catalogue.categoryMap();
        Map<Long, String> citizens = store.citizenNames(rows.stream().map(CaseRow::citizenId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (CaseRow r : rows) {
            List<String> names = r.citizenId() == null || !citizens.containsKey(r.citizenId()) ? List.of()
                    : List.of(citizens.get(r.citizenId()));
            Category cat = cats.get(r.categoryCode());
            String notes = null;
            if (!r.open() && r.closingCategory() != null) {
                notes = r.closingCategory().label() + (r.reply() != null && r.closingCategory() != ClosingCategory.DUPLICATE
                        ? "：" + r.reply() : "");
            } else if (r.extensionReason() != null) {
                notes = "展延 / extended: " + r.extensionReason();
            }
            out.add(Open311Format.ordered(
                    "service_request_id", r.caseNo(),
                    "status", r.open() ? "open" : "closed",
                    "status_notes", PersonalData.mask(notes, names),
                    "service_name", cat == null ? r.categoryCode() : cat.name(),
                    "service_code", r.categoryCode(),
                    "description", PersonalData.mask(r.description(), names),
                    "agency_responsible", agencyNames.getOrDefault(r.agencyId(), ""),
                    "service_notice", r.extendedDueOn() != null ? "處理期限已展延 / deadline extended" : null,
                    "requested_datetime", w3c(r.receivedAt()),
                    "updated_datetime", w3c(r.updatedAt()),
                    "expected_datetime", r.open() ? W3C.format(ZonedDateTime.of(r.effectiveDue(), java.time.LocalTime.of(17, 30), RocDate.TAIPEI)) : null,
                    "address", r.address() != null ? PersonalData.mask(r.address(), names) : r.districtName() == null ? null
                            : jurisdiction.name() + r.districtName() + (r.villageName() == null ? "" : r.villageName()),
                    "address_id", null,
                    "zipcode", null,
                    "lat", r.lat(),
                    "long", r.lon(),
                    "media_url", r.mediaUrl()));
        }
        return out;
    }

    private record Names(Map<Long, String> names, long loadedAt) {
    }

    private volatile Names names;

    /** Agency names for the public list, re-read every half minute rather than on every request. */
    private Map<Long, String> agencyNames() {
        Names n = names;
        if (n == null || System.currentTimeMillis() - n.loadedAt() > 30_000) {
            n = new Names(agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name, (a, b) -> a)),
                    System.currentTimeMillis());
            names = n;
        }
        return n.names();
    }

    static String w3c(Instant t) {
        return t == null ? null : W3C.format(t.atZone(RocDate.TAIPEI));
    }
}
