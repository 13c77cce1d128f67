package io.shizheng.callcenter.internal;

/**
 * The Erlang C queueing model (M/M/N): probability of waiting, service level, average speed of answer and the
 * number of agents needed for a target. Erlang B is computed by its recurrence so that large N never overflows.
 */
final class ErlangC {

    static final int MAX_AGENTS = 2000;

    private ErlangC() {
    }

    /** Offered traffic in erlangs: calls in the interval times handling time over the interval length. */
    static double traffic(double calls, double intervalSeconds, double handlingSeconds) {
        return calls * handlingSeconds / intervalSeconds;
    }

    /** Probability that a call has to wait, for {@code agents} agents and {@code traffic} erlangs; 1 when overloaded. */
    static double probabilityOfWaiting(int agents, double traffic) {
        if (traffic <= 0) {
            return 0;
        }
        if (agents <= traffic) {
            return 1;
        }
        double b = 1;
        for (int n = 1; n <= agents; n++) {
            b = traffic * b / (n + traffic * b);
        }
        return agents * b / (agents - traffic * (1 - b));
    }

    /** Share of calls answered within {@code answerSeconds}. */
    static double serviceLevel(int agents, double traffic, double handlingSeconds, double answerSeconds) {
        if (traffic <= 0) {
            return 1;
        }
        if (agents <= traffic) {
            return 0;
        }
        double pw = probabilityOfWaiting(agents, traffic);
        return Math.max(0, 1 - pw * Math.exp(-(agents - traffic) * answerSeconds / handlingSeconds));
    }

    /** Average speed of answer in seconds; infinite when overloaded. */
    static double averageSpeedOfAnswer(int agents, double traffic, double handlingSeconds) {
        if (traffic <= 0) {
            return 0;
        }
        if (agents <= traffic) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(agents, traffic) * handlingSeconds / (agents - traffic);
    }

    /** The smallest number of agents whose service level reaches {@code target} (a share, 0..1). */
    static int agentsNeeded(double traffic, double handlingSeconds, double answerSeconds, double target) {
        if (traffic <= 0) {
            return 0;
        }
        int n = Math.max(1, (int) Math.floor(traffic) + 1);
        while (n < MAX_AGENTS && serviceLevel(n, traffic, handlingSeconds, answerSeconds) < target) {
            n++;
        }
        return n;
    }

    /** Everything a planner reads for one interval. */
    record Result(double traffic, int agents, double probabilityOfWaiting, double serviceLevel,
                  double averageSpeedOfAnswer, double occupancy) {
    }

    static Result plan(double calls, double intervalSeconds, double handlingSeconds, double answerSeconds,
                       double target) {
        double a = traffic(calls, intervalSeconds, handlingSeconds);
        int n = agentsNeeded(a, handlingSeconds, answerSeconds, target);
        return evaluate(a, n, handlingSeconds, answerSeconds);
    }

    static Result evaluate(double traffic, int agents, double handlingSeconds, double answerSeconds) {
        return new Result(traffic, agents, probabilityOfWaiting(agents, traffic),
                serviceLevel(agents, traffic, handlingSeconds, answerSeconds),
                averageSpeedOfAnswer(agents, traffic, handlingSeconds), agents == 0 ? 0 : traffic / agents);
    }
}
