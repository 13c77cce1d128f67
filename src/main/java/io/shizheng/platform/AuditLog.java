package io.shizheng.platform;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The audit trail: every write in every module goes through {@link #record}, in the same
 * transaction as the write, so a write without its audit entry cannot happen.
 */
public interface AuditLog {

    /** Records a write by the current user. {@code before} or {@code after} may be null (create / delete). */
    void record(String entityType, Object entityId, AuditAction action, Object before, Object after);

    /** Agencies whose users wrote anything in [from, to); the basis of the system-usage indicator. */
    Set<Long> agenciesWithWrites(Instant from, Instant to);

    /** Writes in [from, to) by users of the given agencies, newest first; evidence for the usage indicator. */
    List<AuditEntry> writesByAgencies(Set<Long> agencyIds, Instant from, Instant to, int limit);

    AuditPage search(AuditFilter filter, int page, int size);

    /** Per agency, how many writes its users made in [from, to) and when the last one was. */
    java.util.Map<Long, AgencyWrites> writesPerAgency(Instant from, Instant to);

    /**
     * Stores generated history for demo mode, flagged as demo so that it is never taken for real activity.
     * Only the demo-data seeders call this.
     */
    void recordDemoHistory(List<DemoWrite> writes);

    record AgencyWrites(long agencyId, long writes, Instant last) {
    }

    record DemoWrite(Instant at, Long userId, String username, Long agencyId, AuditAction action, String entityType,
                     String entityId, String afterJson) {
    }

    enum AuditAction { CREATE, UPDATE, DELETE, APPROVE, REJECT, LOGIN }

    record AuditEntry(long id, Instant at, Long userId, String username, Long agencyId, AuditAction action,
                      String entityType, String entityId, String before, String after, boolean demo) {
    }

    record AuditFilter(String username, String entityType, String entityId, Long agencyId, AuditAction action,
                       Instant from, Instant to) {
    }

    record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
        public int pages() { return (int) Math.max(1, (total + size - 1) / size); }
    }
}
