package io.shizheng.callcenter.internal;

/**
 * One validated call-detail record. Times are epoch seconds; {@code answered} or {@code abandoned} is
 * {@link CallTimes#INVALID} when the call ended the other way; {@code handled} is -1 and {@code survey} 0 when absent.
 */
record CallRecord(String callId, String queue, String language, long offered, long answered, long abandoned,
                  int waitSeconds, int handled, String agent, int survey) {

    boolean isAnswered() { return answered != CallTimes.INVALID; }
}
