package io.shizheng.org;

import java.util.List;
import java.util.Optional;

import io.shizheng.platform.ShizhengUser;

/** Read access to the agency tree for every module. */
public interface AgencyDirectory {

    List<Agency> all();

    /** Agency id to name, for pages and reports that show names beside stored ids. */
    default java.util.Map<Long, String> names() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (Agency a : all()) {
            names.put(a.id(), a.name());
        }
        return names;
    }

    Optional<Agency> find(long id);

    Optional<Agency> findByCode(String code);

    /** The active first-level agencies (一級機關), the population of the system-usage indicator. */
    List<Agency> firstLevel();

    /** The first-level agency an agency belongs to (itself when it is one); empty for the city itself. */
    Optional<Agency> firstLevelOf(long agencyId);

    /** The agency and everything under it. */
    List<Agency> subtree(long agencyId);

    /** Whether the item's agency is the scope agency itself or lies anywhere under it. */
    boolean covers(long scopeAgencyId, long itemAgencyId);

    /**
     * Whether the user may act on an item of that agency: RDEC staff and administrators everywhere,
     * everyone else within their own agency and the agencies under it.
     */
    default boolean covers(ShizhengUser user, Long itemAgencyId) {
        if (user.cityWide()) {
            return true;
        }
        return user.agencyId() != null && itemAgencyId != null && covers(user.agencyId(), itemAgencyId);
    }
}
