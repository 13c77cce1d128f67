package io.shizheng.cases.internal.status;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many wrong verification codes are tolerated ({@code shizheng.cases.code-attempts.*}) within a window opened by
 * the first wrong one. Per client fewer than per case, so that one client alone cannot lock a citizen out.
 *
 * @param perClient wrong codes one client (IP address, IPv6 by /64) may try per window (default 10)
 * @param perCase   wrong codes a case takes per window from all clients together before it is locked (default 30)
 * @param window    how long a window lasts; a lock ends with it (default one hour)
 */
@ConfigurationProperties("shizheng.cases.code-attempts")
@Validated
record CodeAttemptRules(@DefaultValue("10") @Min(1) @Max(1000) int perClient,
                        @DefaultValue("30") @Min(1) @Max(10000) int perCase,
                        @DefaultValue("PT1H") Duration window) {
}
