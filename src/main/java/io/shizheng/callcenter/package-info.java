/**
 * The 1999 call centre: call-detail records imported from the telephone system, service level, abandonment,
 * speed of answer and handling time, Erlang C staffing, and the metrics of indicators 2.3 and 2.4.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Call centre", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.callcenter;
