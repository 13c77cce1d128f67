/**
 * Service quality: monthly phone-answering tests scored against a yearly rubric, improvement notices and
 * retests, phone statistics from the telephone system, service training with attendance and certificates,
 * and coaching of candidates for the Government Service Award. Computes indicators 2.1 and 2.2.
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Service quality", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.servicequality;
