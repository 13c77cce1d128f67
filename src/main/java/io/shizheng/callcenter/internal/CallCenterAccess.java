package io.shizheng.callcenter.internal;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;

/** Who may see call-centre figures (RDEC staff, administrators, 1999 agents) and who may import (RDEC, admin). */
final class CallCenterAccess {

    private CallCenterAccess() {
    }

    static boolean mayRead(ShizhengUser u) {
        return u != null && (u.cityWide() || u.has(Role.CALL_AGENT));
    }

    static boolean mayImport(ShizhengUser u) {
        return u != null && u.cityWide();
    }

    static ShizhengUser requireRead() {
        ShizhengUser u = CurrentUser.require();
        if (!mayRead(u)) {
            throw new ForbiddenException("只有研考會、系統管理員與 1999 話務人員可檢視話務資料 / only RDEC staff, administrators and 1999 agents see call-centre data");
        }
        return u;
    }

    static ShizhengUser requireImport() {
        ShizhengUser u = CurrentUser.require();
        if (!mayImport(u)) {
            throw new ForbiddenException("只有研考會與系統管理員可匯入通話紀錄 / only RDEC staff and administrators import call records");
        }
        return u;
    }
}
