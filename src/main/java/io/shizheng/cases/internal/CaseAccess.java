package io.shizheng.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyScope;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.PersonalData;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Component;

/** Who may see and act on a case, and a case as a reader sees it (personal data masked unless they handle it). */
@Component
public class CaseAccess {

    private final CaseStore store;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final Dispatcher dispatcher;
    private final AgencyDirectory agencies;
    private final Clock clock;

    CaseAccess(CaseStore store, Catalogue catalogue, Deadlines deadlines, Dispatcher dispatcher,
               AgencyDirectory agencies, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.dispatcher = dispatcher;
        this.agencies = agencies;
        this.clock = clock;
    }

    public LocalDate today() { return LocalDate.now(clock.withZone(RocDate.TAIPEI)); }

    /** The handling agency (and the agencies above it), RDEC (including its 1999 agents) and administrators. */
    boolean handles(ShizhengUser u, CaseRow c) {
        return u != null && handlingScope(u).covers(c.agencyId());
    }

    /** The agencies whose cases the user handles: RDEC's own staff (its 1999 agents too) work city-wide. */
    AgencyScope handlingScope(ShizhengUser u) {
        return isRdec(u) ? AgencyScope.city() : agencies.scopeOf(u);
    }

    boolean isRdec(ShizhengUser u) {
        return u.agencyId() != null && dispatcher.rdec().map(a -> a.id() == u.agencyId()).orElse(false);
    }

    /** Read access: handlers; reviewers; agencies the case passed through; a village chief for cases in their district. */
    boolean mayRead(ShizhengUser u, CaseRow c) {
        if (u == null) {
            return false;
        }
        if (handles(u, c) || u.has(Role.REVIEWER)) {
            return true;
        }
        if (u.has(Role.VILLAGE_CHIEF) && u.agencyId() != null && c.districtCode() != null) {
            Optional<Agency> office = agencies.find(u.agencyId());
            if (office.isPresent() && c.districtCode().equals(office.get().districtCode())) {
                return true;
            }
        }
        return u.agencyId() != null && store.hops(c.id()).stream().anyMatch(h ->
                (h.fromAgencyId() != null && agencies.covers(u.agencyId(), h.fromAgencyId()))
                        || (h.toAgencyId() != null && agencies.covers(u.agencyId(), h.toAgencyId())));
    }

    /** Acting on a case (hand over, extend, close) is for the handling agency and city-wide staff. */
    boolean mayAct(ShizhengUser u, CaseRow c) {
        return u != null && agencies.covers(u, c.agencyId());
    }

    static boolean mayTakeCases(ShizhengUser u) {
        return u.cityWide() || u.has(Role.CALL_AGENT) || u.has(Role.AGENCY_OFFICER);
    }

    CaseRow readable(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.byNo(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!mayRead(u, c)) {
            throw new ForbiddenException("此案件不屬於您的機關 / this case is not your agency's");
        }
        return c;
    }

    CaseView view(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        return view(readable(caseNo), u, true);
    }

    CaseView view(CaseRow c, ShizhengUser u, boolean withHops) {
        Map<String, Category> cats = catalogue.categoryMap();
        boolean full = handles(u, c);
        Optional<Citizen> stored = store.citizen(c.citizenId());
        Citizen citizen = stored.map(z -> full ? z : z.masked()).orElse(null);
        // what the citizen typed (and replies quoting them) is masked too for those who only read the case
        List<String> names = stored.map(Citizen::name).stream().toList();
        java.util.function.UnaryOperator<String> text = full ? s -> s : s -> PersonalData.mask(s, names);
        CaseType type = catalogue.type(c.type()).orElseThrow();
        LocalDate today = today();
        LocalDate reassignBy = null;
        boolean mayAct = mayAct(u, c);
        boolean mayReassign = false;
        List<CaseView.HopView> hops = List.of();
        if (withHops) {
            Instant arrived = store.arrivedAtAgency(c.id(), c.agencyId());
            if (arrived != null) {
                reassignBy = deadlines.reassignBy(type, LocalDate.ofInstant(arrived, RocDate.TAIPEI));
            }
            mayReassign = c.open() && mayAct && (u.cityWide() || (reassignBy != null && !today.isAfter(reassignBy)));
            hops = store.hops(c.id()).stream().map(h -> new CaseView.HopView(h.at(), h.kind(), agencyName(h.fromAgencyId()),
                    agencyName(h.toAgencyId()), text.apply(h.reason()), h.username())).toList();
        }
        Category cat = cats.get(c.categoryCode());
        String related = c.relatedCaseId() == null ? null : store.byId(c.relatedCaseId()).map(CaseRow::caseNo).orElse(null);
        return new CaseView(c.caseNo(), c.type(), type.label(), c.channel().name(), c.channel().label(), c.categoryCode(),
                cat == null ? c.categoryCode() : cat.label(), text.apply(c.description()), c.lon(), c.lat(), text.apply(c.address()),
                c.districtCode(), c.districtName(), c.villageName(), c.agencyId(), agencyName(c.agencyId()), c.status(),
                c.receivedAt(), c.dueOn(), c.extendedDueOn(), text.apply(c.extensionReason()), c.effectiveDue(), c.overdueOn(today),
                c.overdueOn(today) ? deadlines.daysOverdue(c.effectiveDue(), today) : 0, c.closedAt(), text.apply(c.reply()),
                c.closingCategory() == null ? null : c.closingCategory().name(),
                c.closingCategory() == null ? null : c.closingCategory().label(), c.rating(), c.reopenCount(), related,
                c.replyBy().name(), citizen, citizen != null && !full, full ? c.verifyCode() : null, reassignBy, mayAct && c.open(),
                mayReassign, mayAct && c.open() && c.extendedDueOn() == null, c.demo(), hops);
    }

    public String agencyName(Long id) {
        return id == null ? null : agencies.find(id).map(Agency::name).orElse("#" + id);
    }
}
