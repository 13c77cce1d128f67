package io.shizheng.servicequality.internal;

import java.util.List;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Component;

/** Who may see and do what in service quality: RDEC city-wide, officers within their agency's subtree. */
@Component
class Access {

    private final AgencyDirectory agencies;

    Access(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    ShizhengUser me() {
        return CurrentUser.require();
    }

    /** RDEC staff or administrators: plan tests, score calls, import statistics, run training and coaching. */
    ShizhengUser requireRdec() {
        ShizhengUser me = me();
        if (!me.cityWide()) {
            throw new ForbiddenException("限研考會同仁 / RDEC staff only");
        }
        return me;
    }

    /** Agencies whose items the user may see; null means every agency. */
    List<Long> visibleAgencies(ShizhengUser user) {
        if (user.cityWide()) {
            return null;
        }
        if (user.agencyId() == null) {
            return List.of();
        }
        return agencies.subtree(user.agencyId()).stream().map(Agency::id).toList();
    }

    boolean covers(ShizhengUser user, long agencyId) {
        return agencies.covers(user, agencyId);
    }

    void requireCovers(ShizhengUser user, long agencyId) {
        if (!agencies.covers(user, agencyId)) {
            throw new ForbiddenException("此項屬其他機關 / this item belongs to another agency");
        }
    }

    /** Scope list for SQL: every agency id under {@code agencyId}, or null for city-wide. */
    List<Long> subtreeOrAll(Long agencyId) {
        return agencyId == null ? null : agencies.subtree(agencyId).stream().map(Agency::id).toList();
    }

    static Long[] array(List<Long> ids) {
        return ids == null ? null : ids.toArray(Long[]::new);
    }
}
