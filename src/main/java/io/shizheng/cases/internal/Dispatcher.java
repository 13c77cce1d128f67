package io.shizheng.cases.internal;

import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.org.Place;
import org.springframework.stereotype.Component;

/** Chooses the competent agency for a case from its category and where it is. */
@Component
class Dispatcher {

    private final AgencyDirectory agencies;

    Dispatcher(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    Agency competent(Category category, Optional<Place> place) {
        if (category.byDistrict() && place.isPresent()) {
            Optional<Agency> office = districtOffice(place.get().districtCode());
            if (office.isPresent()) {
                return office.get();
            }
        }
        return agencies.findByCode(category.agencyCode()).or(this::rdec)
                .orElseThrow(() -> new IllegalStateException("no agency " + category.agencyCode()));
    }

    Optional<Agency> districtOffice(String districtCode) {
        if (districtCode == null) {
            return Optional.empty();
        }
        return agencies.all().stream()
                .filter(a -> a.kind() == AgencyKind.DISTRICT_OFFICE && a.active() && districtCode.equals(a.districtCode()))
                .findFirst();
    }

    Optional<Agency> rdec() {
        return agencies.findByCode("RDEC");
    }
}
