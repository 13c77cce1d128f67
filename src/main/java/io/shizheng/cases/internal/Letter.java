package io.shizheng.cases.internal;

import java.time.LocalDate;

/** A reply letter to a citizen as printed: letterhead, recipient, case, date and the reply text. */
record Letter(String letterNo, String office, String officeAddress, String officePhone, String recipientName,
              String recipientAddress, String caseNo, LocalDate date, String subject, String body, boolean demo) {

    /** 中華民國115年12月1日: the date as an official letter writes it. */
    String rocDate() {
        return "中華民國" + (date.getYear() - 1911) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The recipient as the envelope window shows it. */
    String addressee() {
        return recipientName == null || recipientName.isBlank() ? "台端" : recipientName.strip() + " 君";
    }
}
