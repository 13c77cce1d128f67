package io.shizheng.plan;

/** Whether a higher or a lower actual value is better for an indicator. */
public enum Direction { HIGHER, LOWER }
