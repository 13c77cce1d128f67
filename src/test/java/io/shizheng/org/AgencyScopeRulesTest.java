package io.shizheng.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The scope's own arithmetic, without a database: what it covers, how it narrows, the SQL it writes. */
class AgencyScopeRulesTest {

    private final AgencyScope bureau = AgencyScope.subtree(10, List.of(10L, 11L, 12L));
    private final AgencyScope section = AgencyScope.subtree(11, List.of(11L));
    private final AgencyScope other = AgencyScope.subtree(20, List.of(20L, 21L));

    @Test
    void theCityCoversEverythingAndWritesNoCondition() {
        assertThat(AgencyScope.city().covers(99L)).isTrue();
        assertThat(AgencyScope.city().covers(null)).isTrue();
        assertThat(AgencyScope.city().sql("agency_id")).isEqualTo("true");
        assertThat(AgencyScope.city().andSql("agency_id")).isEmpty();
    }

    @Test
    void noAgencyCoversNothing() {
        assertThat(AgencyScope.none().covers(10L)).isFalse();
        assertThat(AgencyScope.none().isEmpty()).isTrue();
        assertThat(AgencyScope.none().sql("a.agency_id")).isEqualTo("false");
        assertThat(AgencyScope.none().andSql("a.agency_id")).isEqualTo(" and false");
    }

    @Test
    void aSubtreeCoversItsAgenciesAndWritesThemAsALiteral() {
        assertThat(bureau.covers(12L)).isTrue();
        assertThat(bureau.covers(20L)).isFalse();
        assertThat(bureau.covers(null)).as("an item without agency").isFalse();
        assertThat(bureau.sql("c.agency_id")).isEqualTo("c.agency_id = any('{10,11,12}'::bigint[])");
        assertThat(bureau.agencyIds()).containsExactly(10L, 11L, 12L);
        assertThat(bureau.agencyId()).isEqualTo(10L);
    }

    @Test
    void narrowingKeepsTheInnerSubtreeOrNothing() {
        assertThat(section.intersect(bureau)).isEqualTo(section);
        assertThat(bureau.intersect(section)).isEqualTo(section);
        assertThat(bureau.intersect(AgencyScope.city())).isEqualTo(bureau);
        assertThat(AgencyScope.city().intersect(other)).isEqualTo(other);
        assertThat(bureau.intersect(other).isEmpty()).isTrue();
    }

    @Test
    void aSubtreeMustHoldItsOwnAgency() {
        assertThatThrownBy(() -> AgencyScope.subtree(5, List.of(6L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgencyScope.city().agencyIds()).isInstanceOf(IllegalStateException.class);
    }
}
