package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
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
}
