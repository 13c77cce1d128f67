package io.shizheng.projects;

/** The early-warning light of a controlled project; NONE until its first report. */
public enum Light {
    GREEN, YELLOW, RED, NONE
}
