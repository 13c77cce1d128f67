package io.shizheng.servicequality.internal;

import java.util.ArrayList;
import java.util.List;

import io.shizheng.org.AgencyScope;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Indicator 2.1 (服務訓練參訓人次): attendances checked in at service-training sessions in the period. */
@Component
class TrainingAttendanceMetric implements MetricSource {

    static final String NAME = "training-attendance";

    private final JdbcClient jdbc;
    private final Access access;
    private final Training training;

    TrainingAttendanceMetric(JdbcClient jdbc, Access access, Training training) {
        this.jdbc = jdbc;
        this.access = access;
        this.training = training;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String description() {
        return "服務品質訓練課程（電話禮儀、櫃檯服務、陳情案件處理等）於期間內舉辦之場次完成報到之參訓人次";
    }

    @Override
    public String unit() { return "人次"; }

    @Override
    public List<String> measuresIndicators() { return List.of("2.1"); }

    @Override
    public MetricValue compute(MetricQuery q) {
        long n = training.attendances(q.from(), q.to(), access.subtreeScope(q.agencyId()));
        return MetricValue.count(n, "/plan/metrics/" + NAME + "?from=" + q.from() + "&to=" + q.to()
                + (q.agencyId() == null ? "" : "&agency=" + q.agencyId()));
    }

    @Override
    public Evidence evidence(MetricQuery q) {
        AgencyScope scope = access.subtreeScope(q.agencyId());
        List<Evidence.Row> rows = new ArrayList<>();
        RocDate roc = new RocDate();
        jdbc.sql("""
                select s.id, s.starts_at, c.name, s.place, count(r.id)
                from servicequality_registration r
                join servicequality_session s on s.id = r.session_id join servicequality_course c on c.id = s.course_id
                where r.attended_at is not null and s.starts_at >= :from and s.starts_at < :to""" + scope.andSql("r.agency_id")
                        + " group by s.id, c.name order by s.starts_at")
                .param("from", java.sql.Timestamp.from(q.from().atStartOfDay(RocDate.TAIPEI).toInstant()))
                .param("to", java.sql.Timestamp.from(q.to().plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant()))
                
                .query((rs, n) -> rows.add(new Evidence.Row(List.of(roc.dateTime(rs.getTimestamp(2).toInstant()),
                        rs.getString(3), rs.getString(4), rs.getLong(5)), "/servicequality/training/sessions/" + rs.getLong(1))))
                .list();
        return new Evidence("服務訓練報到人次 / Service-training attendances",
                List.of("上課時間 Time", "課程 Course", "地點 Place", "報到人次 Attendances"), rows, rows.size());
    }
}
