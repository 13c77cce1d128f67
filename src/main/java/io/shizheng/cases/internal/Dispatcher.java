package io.shizheng.cases.internal;

import java.util.List;
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
        return competent(category, place, agencies.all());
    }

    /** The same choice from a list of agencies read once (bulk work such as the demo seeder). */
    static Agency competent(Category category, Optional<Place> place, List<Agency> all) {
        if (category.byDistrict() && place.isPresent()) {
            String district = place.get().districtCode();
            Optional<Agency> office = all.stream().filter(a -> a.kind() == AgencyKind.DISTRICT_OFFICE && a.active()
                    && district.equals(a.districtCode())).findFirst();
            if (office.isPresent()) {
                return office.get();
            }
        }
        return all.stream().filter(a -> a.code().equals(category.agencyCode())).findFirst()
                .or(() -> all.stream().filter(a -> a.code().equals("RDEC")).findFirst())
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
