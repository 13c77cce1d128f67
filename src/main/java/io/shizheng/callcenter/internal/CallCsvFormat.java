package io.shizheng.callcenter.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented CSV layout of call-detail records and the rules each row must keep. Columns are found by
 * their header (English or Chinese name, any order); {@code survey_score} may be left out.
 */
final class CallCsvFormat {

    enum Column {
        CALL_ID("call_id", "通話編號", true),
        QUEUE("queue", "話務群組", true),
        LANGUAGE("language", "語言", true),
        OFFERED_AT("offered_at", "進線時間", true),
        ANSWERED_AT("answered_at", "接聽時間", true),
        ABANDONED_AT("abandoned_at", "放棄時間", true),
        HANDLED_SECONDS("handled_seconds", "處理秒數", true),
        AGENT("agent", "話務人員", true),
        SURVEY_SCORE("survey_score", "滿意度分數", false);

        final String name;
        final String zh;
        final boolean required;

        Column(String name, String zh, boolean required) {
            this.name = name;
            this.zh = zh;
            this.required = required;
        }
    }

    static final String HEADER = "call_id,queue,language,offered_at,answered_at,abandoned_at,handled_seconds,agent,survey_score";
    static final int MAX_WAIT_SECONDS = 24 * 3600;

    record RowError(int line, String field, String message) {
    }

    private final int[] index = new int[Column.values().length];
    private final int width;

    private CallCsvFormat(int[] index, int width) {
        System.arraycopy(index, 0, this.index, 0, index.length);
        this.width = width;
    }

    /** Maps the header; throws with a message naming what is missing or unknown. */
    static CallCsvFormat fromHeader(List<String> header) {
        if (header == null || header.isEmpty()) {
            throw new IllegalArgumentException("檔案是空的或缺少標題列 / the file is empty or has no header row; expected: " + HEADER);
        }
        Map<String, Column> names = new HashMap<>();
        for (Column c : Column.values()) {
            names.put(c.name, c);
            names.put(c.zh, c);
        }
        int[] idx = new int[Column.values().length];
        java.util.Arrays.fill(idx, -1);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().toLowerCase(Locale.ROOT);
            Column c = names.get(h);
            if (c == null) {
                problems.add("不認得的欄位「" + header.get(i) + "」/ unknown column '" + header.get(i) + "'");
            } else if (idx[c.ordinal()] >= 0) {
                problems.add("欄位重複「" + h + "」/ duplicate column '" + h + "'");
            } else {
                idx[c.ordinal()] = i;
            }
        }
        for (Column c : Column.values()) {
            if (c.required && idx[c.ordinal()] < 0) {
                problems.add("缺少欄位 " + c.name + "（" + c.zh + "）/ missing column " + c.name);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + " — 應為 / expected: " + HEADER);
        }
        return new CallCsvFormat(idx, header.size());
    }

    private String get(List<String> row, Column c) {
        int i = index[c.ordinal()];
        return i < 0 ? "" : row.get(i).trim();
    }

    /** The record, or null after adding what is wrong with the row to {@code errors}. */
    CallRecord parse(List<String> row, int line, List<RowError> errors) {
        if (row.size() != width) {
            errors.add(new RowError(line, null, "欄位數 " + row.size() + "，應為 " + width + " / " + row.size()
                    + " fields, expected " + width));
            return null;
        }
        int before = errors.size();
        String callId = text(row, Column.CALL_ID, 64, true, line, errors);
        String queue = text(row, Column.QUEUE, 40, true, line, errors);
        String language = text(row, Column.LANGUAGE, 20, true, line, errors);
        long offered = time(row, Column.OFFERED_AT, true, line, errors);
        long answered = time(row, Column.ANSWERED_AT, false, line, errors);
        long abandoned = time(row, Column.ABANDONED_AT, false, line, errors);
        String handledText = get(row, Column.HANDLED_SECONDS);
        String agent = text(row, Column.AGENT, 40, false, line, errors);
        String surveyText = get(row, Column.SURVEY_SCORE);
        if (errors.size() > before) {
            return null;
        }
        boolean isAnswered = answered != CallTimes.INVALID;
        boolean isAbandoned = abandoned != CallTimes.INVALID;
        if (isAnswered == isAbandoned) {
            errors.add(new RowError(line, "answered_at", isAnswered
                    ? "接聽時間與放棄時間只能填一個 / give answered_at or abandoned_at, not both"
                    : "接聽時間與放棄時間須填一個 / answered_at or abandoned_at is required"));
            return null;
        }
        long end = isAnswered ? answered : abandoned;
        long wait = end - offered;
        if (wait < 0) {
            errors.add(new RowError(line, isAnswered ? "answered_at" : "abandoned_at",
                    "早於進線時間 / is before offered_at"));
            return null;
        }
        if (wait > MAX_WAIT_SECONDS) {
            errors.add(new RowError(line, isAnswered ? "answered_at" : "abandoned_at",
                    "距進線超過 24 小時 / more than 24 hours after offered_at"));
            return null;
        }
        int handled = -1;
        if (!handledText.isEmpty()) {
            handled = seconds(handledText);
            if (handled < 0) {
                errors.add(new RowError(line, "handled_seconds",
                        "須為 0 到 86400 的整數，「" + handledText + "」不是 / must be a whole number 0–86400"));
                return null;
            }
        }
        int survey = 0;
        if (!surveyText.isEmpty()) {
            survey = surveyText.length() == 1 ? surveyText.charAt(0) - '0' : -1;
            if (survey < 1 || survey > 5) {
                errors.add(new RowError(line, "survey_score",
                        "須為 1 到 5，「" + surveyText + "」不是 / must be 1 to 5"));
                return null;
            }
        }
        if (isAnswered) {
            if (handled < 0) {
                errors.add(new RowError(line, "handled_seconds", "已接聽的通話須填處理秒數 / required for an answered call"));
                return null;
            }
            if (agent == null) {
                errors.add(new RowError(line, "agent", "已接聽的通話須填話務人員 / required for an answered call"));
                return null;
            }
        } else {
            if (handled > 0) {
                errors.add(new RowError(line, "handled_seconds", "放棄的通話沒有處理時間 / an abandoned call has no handling time"));
                return null;
            }
            if (survey > 0) {
                errors.add(new RowError(line, "survey_score", "放棄的通話不會有滿意度 / an abandoned call has no survey"));
                return null;
            }
            handled = -1;
            agent = null;
        }
        return new CallRecord(callId, queue, language, offered, answered, abandoned, (int) wait, handled, agent, survey);
    }

    private String text(List<String> row, Column c, int max, boolean required, int line, List<RowError> errors) {
        String v = get(row, c);
        if (v.isEmpty()) {
            if (required) {
                errors.add(new RowError(line, c.name, "必填 / required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new RowError(line, c.name, "超過 " + max + " 字元 / longer than " + max + " characters"));
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < 0x20 || v.charAt(i) == 0x7f) {
                errors.add(new RowError(line, c.name, "含控制字元 / contains a control character"));
                return null;
            }
        }
        return v;
    }

    private long time(List<String> row, Column c, boolean required, int line, List<RowError> errors) {
        String v = get(row, c);
        if (v.isEmpty()) {
            if (required) {
                errors.add(new RowError(line, c.name, "必填 / required"));
            }
            return CallTimes.INVALID;
        }
        long t = CallTimes.parse(v);
        if (t == CallTimes.INVALID) {
            errors.add(new RowError(line, c.name, "時間格式不對「" + (v.length() > 40 ? v.substring(0, 40) + "…" : v)
                    + "」，應如 2018-03-05 08:01:02 或 2018-03-05T08:01:02+08:00 / not a timestamp like 2018-03-05 08:01:02"));
        }
        return t;
    }

    private static int seconds(String s) {
        if (s.length() > 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v > 86400 ? -1 : v;
    }
}
