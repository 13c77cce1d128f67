package io.shizheng.plan.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** The plan and its scorecard are public, like a city's published performance report. */
@Component
class PlanPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/api/plans", "/api/plans/{year}", "/api/plans/{year}/scorecard",
                "/api/plans/{year}/scorecard/export", "/api/plans/{year}/indicators/{code}/series",
                "/api/plans/{year}/indicators/{code}/evidence", "/api/metrics",
                "/plan/{year:[0-9]+}", "/plan/{year:[0-9]+}/indicators/{code}", "/plan/metrics/**", "/js/plan-*.js");
    }
}
