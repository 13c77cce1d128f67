package io.shizheng.opendata.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** 更新頻率 as data.gov.tw declares it, with how stale the data may get before the freshness check fails. */
public enum UpdateFrequency {
    realtime("即時", "real time", Duration.ofDays(2)),
    daily("每日", "daily", Duration.ofDays(3)),
    weekly("每週", "weekly", Duration.ofDays(10)),
    monthly("每月", "monthly", Duration.ofDays(40)),
    quarterly("每季", "quarterly", Duration.ofDays(100)),
    halfyearly("每半年", "every six months", Duration.ofDays(200)),
    yearly("每年", "yearly", Duration.ofDays(400)),
    irregular("不定期", "irregular", null);

    final String zh;
    final String en;
    /** Longest age of the data before it counts as stale; null: never stale. */
    final Duration allowance;

    UpdateFrequency(String zh, String en, Duration allowance) {
        this.zh = zh;
        this.en = en;
        this.allowance = allowance;
    }

    static Optional<UpdateFrequency> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(t) || f.zh.equals(t)
                || f.en.equalsIgnoreCase(t) || ("每" + f.zh).equals(t) || f.zh.equals("每" + t)).findFirst();
    }

    /** 每月 monthly, for pages. */
    public static String label(String code) {
        return parse(code).map(f -> f.zh + " " + f.en).orElse(code);
    }
}
