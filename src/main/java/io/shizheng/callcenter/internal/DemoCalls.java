package io.shizheng.callcenter.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A deterministic year of 1999 calls for demo mode: daily, weekly and seasonal volume, a day-and-night profile
 * per half-hour, five languages and three queues, waits that grow at busy hours (so the 20-second rate lands
 * in the low-to-mid 80s, some months under the 85% target), agents on shift per half-hour as Erlang C would
 * roughly staff them, and post-call survey answers about 88% satisfied. Generated lazily, in time order.
 */
final class DemoCalls implements Iterator<CallRecord> {

    static final String[] LANGUAGES = {"國語", "台語", "英語", "客語", "日語"};
    private static final double[] LANGUAGE_SHARE = {0.885, 0.09, 0.014, 0.007, 0.004};
    static final String[] QUEUES = {"市政諮詢", "話務轉接", "陳情反映"};
    private static final double[] QUEUE_SHARE = {0.68, 0.22, 0.10};
    private static final double[] WEEKDAY = {1.18, 1.10, 1.05, 1.04, 1.0, 0.72, 0.62};
    private static final double[] MONTH = {1.0, 0.88, 1.02, 0.97, 1.0, 1.03, 1.08, 1.12, 1.02, 0.98, 0.97, 0.95};
    /** Share of calls answered within 20 s at ordinary hours, per month (%). */
    private static final double[] ANSWER = {84.4, 86.7, 85.4, 86.1, 85.6, 84.6, 86.0, 84.2, 86.9, 86.3, 86.8, 85.7};
    /** Share of survey answers of 4 or 5, per month (%). */
    private static final double[] SATISFIED = {87.3, 87.9, 88.2, 88.0, 88.5, 88.3, 88.8, 88.6, 88.4, 88.7, 88.5, 88.5};
    private static final long TAIPEI = 8 * 3600;

    private final int year;
    private final Random random = new Random(1999);
    private final double perDay;
    private final double[] profile = new double[48];
    private final String[] agents;
    private LocalDate day;
    private int slot = -1;
    private int remaining;
    private int onDuty;
    private int shiftOffset;
    private long seq;
    private double slotAnswer;

    DemoCalls(int year, int callsPerYear, int agentPool) {
        this.year = year;
        double sumProfile = 0;
        for (int i = 0; i < 48; i++) {
            double h = i / 2.0;
            double w;
            if (h < 6) {
                w = 0.12;
            } else if (h < 8) {
                w = 0.3 + (h - 6) * 0.3;
            } else if (h < 12) {
                w = 1.0;
            } else if (h < 13.5) {
                w = 0.7;
            } else if (h < 17.5) {
                w = 0.95;
            } else if (h < 20) {
                w = 0.6;
            } else {
                w = 0.35;
            }
            profile[i] = w;
            sumProfile += w;
        }
        for (int i = 0; i < 48; i++) {
            profile[i] /= sumProfile;
        }
        double weights = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            weights += dayWeight(d);
        }
        this.perDay = callsPerYear / weights;
        this.agents = new String[Math.max(3, agentPool)];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = "A%03d".formatted(i + 1);
        }
        this.day = LocalDate.of(year, 1, 1);
    }

    private static double dayWeight(LocalDate d) {
        double w = WEEKDAY[d.getDayOfWeek().getValue() - 1] * MONTH[d.getMonthValue() - 1];
        // Lunar New Year 2018: 15–20 February.
        if (d.getMonthValue() == 2 && d.getDayOfMonth() >= 15 && d.getDayOfMonth() <= 20) {
            w *= 0.55;
        }
        return w;
    }

    @Override
    public boolean hasNext() {
        while (remaining == 0) {
            if (!advanceSlot()) {
                return false;
            }
        }
        return true;
    }

    private boolean advanceSlot() {
        slot++;
        if (slot == 48) {
            slot = 0;
            day = day.plusDays(1);
        }
        if (day.getYear() != year) {
            return false;
        }
        double dayCalls = perDay * dayWeight(day) * (0.92 + random.nextDouble() * 0.16);
        double lambda = dayCalls * profile[slot];
        remaining = poisson(lambda);
        double aht = 150;
        int needed = ErlangC.agentsNeeded(ErlangC.traffic(lambda, 1800, aht), aht, 20, 0.80);
        onDuty = Math.min(agents.length, Math.max(1, needed + random.nextInt(3) - 1));
        shiftOffset = (int) ((day.getDayOfYear() * 7L + (slot / 16) * 23L) % agents.length);
        double p = profile[slot] * 48;
        double adjust = p >= 1.5 ? -2.2 : p < 0.5 ? 4.5 : 0;
        if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
            adjust -= 1.5;
        }
        slotAnswer = (ANSWER[day.getMonthValue() - 1] + adjust) / 100.0;
        return true;
    }

    private int poisson(double lambda) {
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Override
    public CallRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        remaining--;
        seq++;
        long offered = day.toEpochDay() * 86400L - TAIPEI + slot * 1800L + random.nextInt(1800);
        String language = pick(LANGUAGES, LANGUAGE_SHARE);
        int q = pickIndex(QUEUE_SHARE);
        String id = "DEMO-" + year + "-" + String.format("%07d", seq);
        double r = random.nextDouble();
        if (r < 0.015) {
            int wait = random.nextInt(5);
            return new CallRecord(id, QUEUES[q], language, offered, CallTimes.INVALID, offered + wait, wait, -1, null, 0);
        }
        int wait;
        boolean abandon = false;
        if (random.nextDouble() < slotAnswer) {
            wait = (int) (20 * Math.pow(random.nextDouble(), 1.6));
        } else {
            wait = 21 + (int) Math.min(600, -45 * Math.log(1 - random.nextDouble()));
            abandon = random.nextDouble() < 0.32;
        }
        if (abandon) {
            return new CallRecord(id, QUEUES[q], language, offered, CallTimes.INVALID, offered + wait, wait, -1, null, 0);
        }
        double base = q == 0 ? 45 + -125 * Math.log(1 - random.nextDouble())
                : q == 1 ? 30 + -50 * Math.log(1 - random.nextDouble()) : 90 + -200 * Math.log(1 - random.nextDouble());
        if (!language.equals("國語")) {
            base += 40;
        }
        int handled = (int) Math.min(3600, base);
        String agent = agents[(shiftOffset + random.nextInt(onDuty)) % agents.length];
        int survey = 0;
        if (random.nextDouble() < 0.32) {
            double satisfied = SATISFIED[day.getMonthValue() - 1] / 100.0;
            double s = random.nextDouble();
            if (s < satisfied * 0.66) {
                survey = 5;
            } else if (s < satisfied) {
                survey = 4;
            } else {
                double t = random.nextDouble();
                survey = t < 0.55 ? 3 : t < 0.80 ? 2 : 1;
            }
        }
        return new CallRecord(id, QUEUES[q], language, offered, offered + wait, CallTimes.INVALID, wait, handled, agent, survey);
    }

    private String pick(String[] values, double[] shares) {
        return values[pickIndex(shares)];
    }

    private int pickIndex(double[] shares) {
        double r = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
