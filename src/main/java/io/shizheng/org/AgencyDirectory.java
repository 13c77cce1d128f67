package io.shizheng.org;

import java.util.List;
import java.util.Optional;

/** Read access to the agency tree for every module. */
public interface AgencyDirectory {

    List<Agency> all();

    Optional<Agency> find(long id);

    Optional<Agency> findByCode(String code);

    /** The active first-level agencies (一級機關), the population of the system-usage indicator. */
    List<Agency> firstLevel();

    /** The first-level agency an agency belongs to (itself when it is one); empty for the city itself. */
    Optional<Agency> firstLevelOf(long agencyId);

    /** The agency and everything under it. */
    List<Agency> subtree(long agencyId);
}
