package io.shizheng.plan;

/** ON_TARGET at or above target; CAUTION from 90% of target; BELOW_PLAN under that; NO_DATA without a value. */
public enum Status { ON_TARGET, CAUTION, BELOW_PLAN, NO_DATA }
