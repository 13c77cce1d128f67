package io.shizheng.projects;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event, inside the writing transaction) whenever a controlled project's
 * warning light changes, with the reasons the rules gave for the new light.
 */
public record ProjectLightChanged(long projectId, String code, String name, long agencyId, Light from, Light to,
                                  List<String> reasons, Instant at) {
}
