package io.shizheng.documents.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The handling periods of the document rules (文書處理手冊) as settings, {@code shizheng.documents.days.*} and
 * {@code shizheng.documents.extensions.*}; a value out of range stops the start with a message naming the property.
 */
@ConfigurationProperties("shizheng.documents")
@Validated
record DeadlineSettings(@DefaultValue @Valid Days days, @DefaultValue @Valid Extensions extensions) {

    /** Working days after receipt for 最速件, 速件 and 普通件. */
    record Days(@DefaultValue("1") @Min(1) @Max(60) int mostUrgent,
                @DefaultValue("3") @Min(1) @Max(60) int urgent,
                @DefaultValue("6") @Min(1) @Max(60) int ordinary) {

        @AssertTrue(message = "most-urgent ≤ urgent ≤ ordinary 須由快到慢 / the periods must not shrink as urgency falls")
        boolean isOrdered() {
            return mostUrgent <= urgent && urgent <= ordinary;
        }
    }

    /** At most {@code maxCount} extensions adding up to {@code maxDays} calendar days. */
    record Extensions(@DefaultValue("3") @Min(0) @Max(20) int maxCount,
                      @DefaultValue("30") @Min(0) @Max(365) int maxDays) {
    }
}
