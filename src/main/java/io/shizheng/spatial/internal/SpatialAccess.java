package io.shizheng.spatial.internal;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.jspecify.annotations.Nullable;

/** Every signed-in account reads the terrain; agency officers (for their agency) and RDEC staff add DEMs. */
final class SpatialAccess {

    private SpatialAccess() {
    }

    static ShizhengUser requireRead() {
        return CurrentUser.require();
    }

    static boolean mayUpload(@Nullable ShizhengUser u) {
        return u != null && (u.cityWide() || (u.has(Role.AGENCY_OFFICER) && u.agencyId() != null));
    }

    /** The owner agency of a new DEM: the officer's own agency, or the one RDEC staff name (default their own). */
    static long requireUpload(@Nullable Long agencyId) {
        ShizhengUser u = CurrentUser.require();
        if (!mayUpload(u)) {
            throw new ForbiddenException("只有機關承辦與研考會可上傳 DEM / only agency officers and RDEC staff upload DEMs");
        }
        if (agencyId == null) {
            if (u.agencyId() == null) {
                throw new InvalidInputException("agencyId", "請指定擁有機關 / name the owner agency");
            }
            return u.agencyId();
        }
        if (!u.cityWide() && !agencyId.equals(u.agencyId())) {
            throw new ForbiddenException("只能以自己的機關上傳 / you upload for your own agency only");
        }
        return agencyId;
    }
}
