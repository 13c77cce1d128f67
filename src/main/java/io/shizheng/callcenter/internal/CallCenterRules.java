package io.shizheng.callcenter.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The definitions the city measures by, from configuration: the answer threshold of the service level, the
 * short abandonment excluded from it, the lowest survey score that counts as satisfied, the staffing target.
 */
@Component
public class CallCenterRules {

    private final int answerSeconds;
    private final int shortAbandonSeconds;
    private final int satisfiedMinScore;
    private final double targetPercent;
    private final int maxErrorsListed;

    CallCenterRules(@Value("${shizheng.callcenter.answer-seconds:20}") int answerSeconds,
                    @Value("${shizheng.callcenter.short-abandon-seconds:5}") int shortAbandonSeconds,
                    @Value("${shizheng.callcenter.satisfied-min-score:4}") int satisfiedMinScore,
                    @Value("${shizheng.callcenter.target-percent:85}") double targetPercent,
                    @Value("${shizheng.callcenter.import.max-errors-listed:200}") int maxErrorsListed) {
        if (answerSeconds < 1 || shortAbandonSeconds < 0 || satisfiedMinScore < 1 || satisfiedMinScore > 5
                || targetPercent <= 0 || targetPercent >= 100) {
            throw new IllegalArgumentException("shizheng.callcenter.* out of range");
        }
        this.answerSeconds = answerSeconds;
        this.shortAbandonSeconds = shortAbandonSeconds;
        this.satisfiedMinScore = satisfiedMinScore;
        this.targetPercent = targetPercent;
        this.maxErrorsListed = Math.max(1, maxErrorsListed);
    }

    /** Calls answered after at most this many seconds count as answered in time (default 20). */
    public int answerSeconds() { return answerSeconds; }

    /** Calls abandoned after fewer seconds than this are left out of the service level (default 5). */
    public int shortAbandonSeconds() { return shortAbandonSeconds; }

    /** Survey answers of this score or better count as satisfied (default 4, i.e. 4 or 5 of 5). */
    public int satisfiedMinScore() { return satisfiedMinScore; }

    /** Service-level target of the staffing plan, in percent (default 85, the FY107 target of indicator 2.3). */
    public double targetPercent() { return targetPercent; }

    public int maxErrorsListed() { return maxErrorsListed; }
}
