package io.shizheng.cases.internal;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The letterhead of reply letters to citizens ({@code shizheng.cases.letterhead.*}). Left blank, the office is the
 * jurisdiction's government and, for the demo jurisdiction only, the rest comes from demo/letterhead.properties.
 *
 * @param office       the issuing office as the letter names it (機關全銜)
 * @param address      the office's postal address, printed under the name
 * @param phone        the office's telephone for the citizen's questions
 * @param numberPrefix the document number's word before 第 (發文字號, e.g. 府授研字): number = prefix第ROC-year+serial號
 */
@Validated
@ConfigurationProperties("shizheng.cases.letterhead")
record Letterhead(@DefaultValue("") @Size(max = 100) String office, @DefaultValue("") @Size(max = 200) String address,
                  @DefaultValue("") @Size(max = 50) String phone, @DefaultValue("") @Size(max = 30) String numberPrefix) {
}
