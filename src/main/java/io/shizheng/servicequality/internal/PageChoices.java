package io.shizheng.servicequality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.org.AgencyScope;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Component;

/** The year and the agencies the service-quality pages offer to choose from. */
@Component
class PageChoices {

    private final Rubrics rubrics;
    private final Access access;
    private final AgencyDirectory agencies;
    private final Clock clock;

    PageChoices(Rubrics rubrics, Access access, AgencyDirectory agencies, Clock clock) {
        this.rubrics = rubrics;
        this.access = access;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The latest year with test rounds, else this year. */
    int year(Integer year) {
        if (year != null) {
            return year;
        }
        int now = LocalDate.now(clock).getYear();
        return rubrics.years().stream().filter(y -> y <= now).findFirst().orElse(now);
    }

    List<Integer> years(int around) {
        List<Integer> ys = new ArrayList<>();
        int now = LocalDate.now(clock).getYear();
        for (int y = Math.max(now, around) ; y >= Math.min(2018, around); y--) {
            ys.add(y);
        }
        return ys;
    }

    List<Agency> agencies(ShizhengUser me) {
        AgencyScope scope = access.scope(me);
        return agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY && scope.covers(a.id()))
                .toList();
    }
}
