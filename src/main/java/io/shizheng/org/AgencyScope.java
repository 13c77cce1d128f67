package io.shizheng.org;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The agencies whose items a user or a query may touch: the whole city, nothing, or one agency and everything
 * under it. The platform's one rule ("RDEC and administrators see the city, everyone else their agency's subtree")
 * is made here, by {@link AgencyDirectory#scopeOf}, and applied to SQL in one way, {@link #sql(String)}.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class AgencyScope {

    private static final AgencyScope CITY = new AgencyScope(null, null);
    private static final AgencyScope NONE = new AgencyScope(null, new long[0]);

    private final @Nullable Long agencyId;
    /** Sorted agency ids; null means city-wide. */
    private final long @Nullable [] ids;

    private AgencyScope(@Nullable Long agencyId, long @Nullable [] ids) {
        this.agencyId = agencyId;
        this.ids = ids;
    }

    /** Every agency of the city. */
    public static AgencyScope city() {
        return CITY;
    }

    /** No agency at all: a user who belongs to none sees nothing scoped. */
    public static AgencyScope none() {
        return NONE;
    }

    /** An agency and the agencies under it (the directory computes the subtree). */
    public static AgencyScope subtree(long agencyId, Collection<Long> subtreeIds) {
        long[] sorted = subtreeIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (Arrays.binarySearch(sorted, agencyId) < 0) {
            throw new IllegalArgumentException("a subtree contains its own agency " + agencyId);
        }
        return new AgencyScope(agencyId, sorted);
    }

    @JsonProperty("cityWide")
    public boolean cityWide() {
        return ids == null;
    }

    public boolean isEmpty() {
        return ids != null && ids.length == 0;
    }

    /** The agency at the top of the subtree; null when city-wide or empty. */
    @JsonProperty("agencyId")
    public @Nullable Long agencyId() {
        return agencyId;
    }

    public boolean covers(@Nullable Long itemAgencyId) {
        if (ids == null) {
            return true;
        }
        return itemAgencyId != null && Arrays.binarySearch(ids, itemAgencyId) >= 0;
    }

    /**
     * The agencies in both scopes: a filter a user asked for (an agency's subtree) within what they may see.
     * Subtrees of one tree are nested or apart, so the result is the inner one or nothing.
     */
    public AgencyScope intersect(AgencyScope other) {
        if (ids == null) {
            return other;
        }
        if (other.ids == null) {
            return this;
        }
        long[] both = Arrays.stream(ids).filter(id -> Arrays.binarySearch(other.ids, id) >= 0).toArray();
        if (both.length == 0) {
            return NONE;
        }
        Long top = agencyId != null && Arrays.binarySearch(both, agencyId) >= 0 ? agencyId
                : other.agencyId != null && Arrays.binarySearch(both, other.agencyId) >= 0 ? other.agencyId : null;
        return new AgencyScope(top, both);
    }

    /** The agency ids of a scoped query; empty for {@link #none()}. Not meaningful city-wide (throws). */
    public List<Long> agencyIds() {
        if (ids == null) {
            throw new IllegalStateException("a city-wide scope has no agency list; check cityWide() first");
        }
        return Arrays.stream(ids).boxed().toList();
    }

    /**
     * The SQL condition on a column that holds an agency id: {@code true} city-wide, {@code false} for no agency,
     * otherwise {@code column = any('{…}'::bigint[])}. The ids are numbers from our own agency table, written as a
     * literal so that the clause needs no bind parameter and cannot be left unbound.
     */
    public String sql(String column) {
        if (ids == null) {
            return "true";
        }
        if (ids.length == 0) {
            return "false";
        }
        return column + " = any('{" + Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(","))
                + "}'::bigint[])";
    }

    /** {@code " and " + sql(column)}, or nothing city-wide: for appending to an existing where clause. */
    public String andSql(String column) {
        return ids == null ? "" : " and " + sql(column);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgencyScope s && java.util.Objects.equals(agencyId, s.agencyId) && Arrays.equals(ids, s.ids);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(agencyId, Arrays.hashCode(ids));
    }

    @Override
    public String toString() {
        return ids == null ? "AgencyScope[city]" : "AgencyScope[" + agencyId + ": " + Arrays.toString(ids) + "]";
    }
}
