package io.shizheng.documents.internal;

import java.util.List;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;

/**
 * Which agencies' documents a request looks at: null ids = the whole city; otherwise the agency asked for (or the
 * user's own) and everything under it. Officers never see beyond their agency.
 */
record Scope(Long agencyId, Long[] ids) {

    static final Scope CITY = new Scope(null, null);

    boolean cityWide() { return ids == null; }

    /** Documents are read by RDEC staff, administrators and agency officers; not by call agents or village chiefs. */
    static void requireReader(ShizhengUser user) {
        if (!user.cityWide() && !user.has(io.shizheng.platform.Role.AGENCY_OFFICER)) {
            throw new ForbiddenException("公文時效資料僅供研考會與機關承辦人查閱 / document records are for RDEC staff and agency officers");
        }
    }

    static Scope of(ShizhengUser user, Long agencyId, AgencyDirectory agencies) {
        requireReader(user);
        if (agencyId != null) {
            agencies.find(agencyId).orElseThrow(() -> new NotFoundException("查無機關 / no such agency " + agencyId));
            if (!agencies.covers(user, agencyId)) {
                throw new ForbiddenException("您只能查看所屬機關的公文 / you may only see your own agency's documents");
            }
            return subtree(agencyId, agencies);
        }
        if (user.cityWide()) {
            return CITY;
        }
        if (user.agencyId() == null) {
            throw new ForbiddenException("您的帳號未隸屬機關 / your account belongs to no agency");
        }
        return subtree(user.agencyId(), agencies);
    }

    static Scope subtree(long agencyId, AgencyDirectory agencies) {
        List<Agency> tree = agencies.subtree(agencyId);
        return new Scope(agencyId, tree.stream().map(Agency::id).toArray(Long[]::new));
    }

    /** The SQL condition on a column holding an agency id; bind {@link #ids()} when not city-wide. */
    String sql(String column) {
        return cityWide() ? "true" : column + " = any (?)";
    }
}
