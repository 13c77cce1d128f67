package io.shizheng.org;

import java.util.List;
import java.util.Optional;

import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.jspecify.annotations.Nullable;

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
    default boolean covers(ShizhengUser user, @Nullable Long itemAgencyId) {
        if (user.cityWide()) {
            return true;
        }
        return user.agencyId() != null && itemAgencyId != null && covers(user.agencyId(), itemAgencyId);
    }

    /**
     * What the user may touch: the whole city for RDEC staff and administrators, otherwise their agency and the
     * agencies under it, and nothing for an account that belongs to no agency. The one place this rule is made.
     */
    default AgencyScope scopeOf(ShizhengUser user) {
        if (user.cityWide()) {
            return AgencyScope.city();
        }
        return user.agencyId() == null ? AgencyScope.none() : subtreeScope(user.agencyId());
    }

    /**
     * The user's scope narrowed to an agency they asked for (null: their whole scope). An unknown agency is a
     * {@link NotFoundException}; one outside the user's scope a {@link ForbiddenException}.
     */
    default AgencyScope scopeOf(ShizhengUser user, @Nullable Long agencyId) {
        if (agencyId == null) {
            return scopeOf(user);
        }
        if (find(agencyId).isEmpty()) {
            throw new NotFoundException("查無機關 / no such agency " + agencyId);
        }
        if (!covers(user, agencyId)) {
            throw new ForbiddenException("您只能查看所屬機關及其下屬機關的資料 / you may only see your own agency's items");
        }
        return subtreeScope(agencyId);
    }

    /** An agency and everything under it; the whole city for null (as a {@code MetricQuery} without agency). */
    default AgencyScope subtreeScope(@Nullable Long agencyId) {
        if (agencyId == null) {
            return AgencyScope.city();
        }
        List<Long> ids = subtree(agencyId).stream().map(Agency::id).toList();
        // an agency that does not exist (any more) scopes to itself, which matches no stored item's agency
        return AgencyScope.subtree(agencyId, ids.isEmpty() ? List.of(agencyId) : ids);
    }
}
