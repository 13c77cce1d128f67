package io.shizheng.servicequality.internal;

import io.shizheng.org.AgencyScope;
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

    /** What the user may see: the city for RDEC, otherwise their agency's subtree. */
    AgencyScope scope(ShizhengUser user) {
        return agencies.scopeOf(user);
    }

    boolean covers(ShizhengUser user, long agencyId) {
        return agencies.covers(user, agencyId);
    }

    void requireCovers(ShizhengUser user, long agencyId) {
        if (!agencies.covers(user, agencyId)) {
            throw new ForbiddenException("此項屬其他機關 / this item belongs to another agency");
        }
    }

    /** A metric's scope: the agency asked for and everything under it, or the city for null. */
    AgencyScope subtreeScope(Long agencyId) {
        return agencies.subtreeScope(agencyId);
    }
}
