package io.shizheng.callcenter.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Staffing by Erlang C per half-hour: the forecast for a day (the same weekday of the four weeks before, calls
 * and handling time averaged) and the agents it needs for the service-level target, beside what happened that
 * day (calls, agents who answered, service level).
 */
@Service
class StaffingPlanner {

    static final int SLOT_SECONDS = 1800;
    static final int SLOTS = 48;
    static final int WEEKS_BACK = 4;

    private final JdbcClient jdbc;
    private final CallCenterRules rules;

    StaffingPlanner(JdbcClient jdbc, CallCenterRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    record Slot(String start, double forecastCalls, Double forecastHandlingSeconds, int agentsNeeded,
                Double forecastServiceLevelPercent, long actualCalls, Double actualHandlingSeconds, int agentsActual,
                int agentsNeededForActual, Double actualServiceLevelPercent) {
    }

    record Day(LocalDate date, double targetPercent, int answerSeconds, List<LocalDate> forecastFrom, List<Slot> slots,
               long forecastCalls, long actualCalls, int peakAgentsNeeded, int peakAgentsActual, long agentHalfHoursNeeded,
               long agentHalfHoursActual) {
    }

    private record Counts(long calls, long counted, long inTarget, long answered, long handled, int agents) {
    }

    Day day(LocalDate date) {
        Counts[] actual = counts(List.of(date));
        List<LocalDate> history = new ArrayList<>();
        for (int w = 1; w <= WEEKS_BACK; w++) {
            history.add(date.minusWeeks(w));
        }
        Counts[] past = counts(history);
        double target = rules.targetPercent() / 100.0;
        int answer = rules.answerSeconds();
        List<Slot> slots = new ArrayList<>();
        long forecastTotal = 0;
        long actualTotal = 0;
        int peakNeeded = 0;
        int peakActual = 0;
        long needHalfHours = 0;
        long actualHalfHours = 0;
        for (int i = 0; i < SLOTS; i++) {
            Counts p = past[i];
            Counts a = actual[i];
            double forecast = p.calls() / (double) WEEKS_BACK;
            Double forecastAht = p.answered() == 0 ? null : p.handled() / (double) p.answered();
            int needed = 0;
            Double predicted = null;
            if (forecastAht != null && forecast > 0) {
                ErlangC.Result r = ErlangC.plan(forecast, SLOT_SECONDS, forecastAht, answer, target);
                needed = r.agents();
                predicted = round(r.serviceLevel() * 100);
            }
            Double actualAht = a.answered() == 0 ? null : a.handled() / (double) a.answered();
            int neededForActual = actualAht == null ? 0
                    : ErlangC.plan(a.calls(), SLOT_SECONDS, actualAht, answer, target).agents();
            slots.add(new Slot(LocalTime.ofSecondOfDay((long) i * SLOT_SECONDS).toString(), round(forecast),
                    forecastAht == null ? null : round(forecastAht), needed, predicted, a.calls(),
                    actualAht == null ? null : round(actualAht), a.agents(), neededForActual,
                    a.counted() == 0 ? null : round(a.inTarget() * 100.0 / a.counted())));
            forecastTotal += Math.round(forecast);
            actualTotal += a.calls();
            peakNeeded = Math.max(peakNeeded, needed);
            peakActual = Math.max(peakActual, a.agents());
            needHalfHours += needed;
            actualHalfHours += a.agents();
        }
        return new Day(date, rules.targetPercent(), answer, history, slots, forecastTotal, actualTotal, peakNeeded,
                peakActual, needHalfHours, actualHalfHours);
    }

    private Counts[] counts(List<LocalDate> days) {
        Counts[] out = new Counts[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            out[i] = new Counts(0, 0, 0, 0, 0, 0);
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (LocalDate d : days) {
            where.append(where.length() == 0 ? "" : " or ").append("(offered_at >= ? and offered_at < ?)");
            params.add(Timestamp.from(d.atStartOfDay(RocDate.TAIPEI).toInstant()));
            params.add(Timestamp.from(d.plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant()));
        }
        List<Object> all = new ArrayList<>();
        all.add(rules.shortAbandonSeconds());
        all.add(rules.answerSeconds());
        all.addAll(params);
        jdbc.sql("""
                select (extract(hour from offered_at at time zone 'Asia/Taipei')::int * 2
                        + (extract(minute from offered_at at time zone 'Asia/Taipei')::int / 30)) slot,
                  count(*), count(*) filter (where not (abandoned_at is not null and wait_seconds < ?)),
                  count(*) filter (where answered_at is not null and wait_seconds <= ?),
                  count(*) filter (where answered_at is not null), coalesce(sum(handled_seconds), 0),
                  count(distinct (offered_at at time zone 'Asia/Taipei')::date::text || agent)
                from callcenter_call where """ + where + " group by 1")
                .params(all)
                .query((rs, n) -> {
                    int slot = rs.getInt(1);
                    out[slot] = new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getInt(7));
                    return null;
                }).list();
        if (days.size() > 1) {
            // Over several days the agents of a slot are the average per day.
            for (int i = 0; i < SLOTS; i++) {
                Counts c = out[i];
                out[i] = new Counts(c.calls(), c.counted(), c.inTarget(), c.answered(), c.handled(),
                        (int) Math.round(c.agents() / (double) days.size()));
            }
        }
        return out;
    }

    record Interval(double calls, double traffic, int agents, double probabilityOfWaitingPercent,
                    double serviceLevelPercent, double averageSpeedOfAnswerSeconds, double occupancyPercent) {
    }

    /** Agents needed per interval for a forecast given by the caller. */
    List<Interval> plan(List<Double> calls, Double handlingSeconds, Double targetPercent, Integer answerSeconds,
                        Integer intervalMinutes) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (calls == null || calls.isEmpty() || calls.size() > 96) {
            problems.add(new InvalidInputException.FieldProblem("calls", "須有 1 到 96 個時段的來電數 / give 1 to 96 intervals of calls"));
        } else if (calls.stream().anyMatch(c -> c == null || !(c >= 0 && c <= 100_000))) {
            problems.add(new InvalidInputException.FieldProblem("calls", "每個時段來電數須為 0 到 100000 / each interval's calls must be 0–100000"));
        }
        if (handlingSeconds == null || !(handlingSeconds >= 1 && handlingSeconds <= 7200)) {
            problems.add(new InvalidInputException.FieldProblem("handlingSeconds", "平均處理秒數須為 1 到 7200 / must be 1–7200"));
        }
        double target = targetPercent == null ? rules.targetPercent() : targetPercent;
        if (!(target > 0 && target < 100)) {
            problems.add(new InvalidInputException.FieldProblem("targetPercent", "目標服務水準須大於 0 小於 100 / must be between 0 and 100"));
        }
        int answer = answerSeconds == null ? rules.answerSeconds() : answerSeconds;
        if (answer < 1 || answer > 600) {
            problems.add(new InvalidInputException.FieldProblem("answerSeconds", "須為 1 到 600 秒 / must be 1–600 seconds"));
        }
        int minutes = intervalMinutes == null ? 30 : intervalMinutes;
        if (minutes < 5 || minutes > 120) {
            problems.add(new InvalidInputException.FieldProblem("intervalMinutes", "須為 5 到 120 分鐘 / must be 5–120 minutes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Interval> out = new ArrayList<>();
        for (double c : calls) {
            ErlangC.Result r = ErlangC.plan(c, minutes * 60.0, handlingSeconds, answer, target / 100);
            out.add(new Interval(c, round(r.traffic()), r.agents(), round(r.probabilityOfWaiting() * 100),
                    round(r.serviceLevel() * 100), round(r.averageSpeedOfAnswer()), round(r.occupancy() * 100)));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
