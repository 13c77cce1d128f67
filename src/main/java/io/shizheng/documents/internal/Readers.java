package io.shizheng.documents.internal;

import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;

/** Who reads document records: RDEC staff, administrators and agency officers; not call agents or village chiefs. */
final class Readers {

    private Readers() {
    }

    static void require(ShizhengUser user) {
        if (!user.cityWide() && !user.has(Role.AGENCY_OFFICER)) {
            throw new ForbiddenException("公文時效資料僅供研考會與機關承辦人查閱 / document records are for RDEC staff and agency officers");
        }
    }
}
