package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyScope;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AgencyScopeTest {

    @Autowired AgencyDirectory directory;
    @Autowired Accounts accounts;

    private long id(String code) {
        return directory.findByCode(code).orElseThrow().id();
    }

    @Test
    void anAgencyCoversItselfAndWhatIsUnderIt() {
        assertThat(directory.covers(id("CIVIL"), id("CIVIL"))).isTrue();
        assertThat(directory.covers(id("CIVIL"), id("D66000060"))).isTrue();
        assertThat(directory.covers(id("TC"), id("D66000290"))).isTrue();
        assertThat(directory.covers(id("D66000060"), id("CIVIL"))).isFalse();
        assertThat(directory.covers(id("CONST"), id("EDU"))).isFalse();
        assertThat(directory.covers(id("D66000060"), id("D66000070"))).isFalse();
    }

    @Test
    void usersActWithinTheirAgencyUnlessCityWide() {
        ShizhengUser officer = accounts.loadUserByUsername("officer");
        ShizhengUser chief = accounts.loadUserByUsername("chief");
        ShizhengUser rdec = accounts.loadUserByUsername("rdec");
        ShizhengUser reviewer = accounts.loadUserByUsername("reviewer");
        assertThat(directory.covers(officer, id("CONST"))).isTrue();
        assertThat(directory.covers(officer, id("EDU"))).isFalse();
        assertThat(directory.covers(chief, id("D66000060"))).isTrue();
        assertThat(directory.covers(chief, id("CIVIL"))).isFalse();
        assertThat(directory.covers(rdec, id("EDU"))).isTrue();
        assertThat(directory.covers(reviewer, id("EDU"))).as("no agency, not city-wide").isFalse();
    }

    @Test
    void theScopeOfAUserIsTheCityOrTheirSubtree() {
        assertThat(directory.scopeOf(accounts.loadUserByUsername("rdec")).cityWide()).isTrue();
        AgencyScope officer = directory.scopeOf(accounts.loadUserByUsername("officer"));
        assertThat(officer.agencyId()).isEqualTo(id("CONST"));
        assertThat(officer.covers(id("EDU"))).isFalse();
        assertThat(directory.scopeOf(accounts.loadUserByUsername("reviewer")).isEmpty()).as("no agency").isTrue();
        AgencyScope civil = directory.subtreeScope(id("CIVIL"));
        assertThat(civil.covers(id("D66000060"))).isTrue();
        assertThat(civil.agencyIds()).hasSize(directory.subtree(id("CIVIL")).size());
    }

    @Test
    void narrowingToAnAgencyOutsideTheUsersScopeIsRefused() {
        ShizhengUser officer = accounts.loadUserByUsername("officer");
        assertThat(directory.scopeOf(officer, id("CONST")).agencyId()).isEqualTo(id("CONST"));
        assertThatThrownBy(() -> directory.scopeOf(officer, id("EDU"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> directory.scopeOf(officer, 987654321L)).isInstanceOf(NotFoundException.class);
        assertThat(directory.scopeOf(accounts.loadUserByUsername("rdec"), id("EDU")).covers(id("EDU"))).isTrue();
    }
}
