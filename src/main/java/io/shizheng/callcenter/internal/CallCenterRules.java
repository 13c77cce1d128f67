package io.shizheng.callcenter.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The definitions the city measures by, from configuration ({@code shizheng.callcenter.*}): the answer threshold of
 * the service level, the short abandonment excluded from it, the lowest survey score that counts as satisfied, the
 * staffing target. A value out of range stops the start with a message naming the property.
 *
 * @param answerSeconds calls answered after at most this many seconds count as answered in time (default 20)
 * @param shortAbandonSeconds calls abandoned after fewer seconds than this are left out of the service level (default 5)
 * @param satisfiedMinScore survey answers of this score or better count as satisfied (default 4, i.e. 4 or 5 of 5)
 * @param targetPercent service-level target of the staffing plan (default 85, the FY107 target of indicator 2.3)
 * @param imports how imports report bad rows
 */
@ConfigurationProperties("shizheng.callcenter")
@Validated
public record CallCenterRules(
        @DefaultValue("20") @Min(1) @Max(600) int answerSeconds,
        @DefaultValue("5") @Min(0) @Max(600) int shortAbandonSeconds,
        @DefaultValue("4") @Min(1) @Max(5) int satisfiedMinScore,
        @DefaultValue("85") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false) double targetPercent,
        @Name("import") @DefaultValue @Valid Imports imports) {

    /** @param maxErrorsListed bad rows listed in an import's report (all are counted) */
    public record Imports(@DefaultValue("200") @Min(1) @Max(100_000) int maxErrorsListed) {
    }

    public int maxErrorsListed() { return imports.maxErrorsListed(); }
}
