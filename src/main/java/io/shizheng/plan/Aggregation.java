package io.shizheng.plan;

/**
 * How an indicator's monthly values make a year: SUM adds the months up (attendances, datasets);
 * RATIO is a rate over the period to date (on-time closure %); LEVEL is a cumulative stock at the
 * end of the period (累計 queries, offers).
 */
public enum Aggregation { SUM, RATIO, LEVEL }
