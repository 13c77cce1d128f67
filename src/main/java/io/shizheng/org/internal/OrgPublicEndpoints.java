package io.shizheng.org.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** The agency tree, the district map and the boundary data are public reference information. */
@Component
class OrgPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/org/agencies", "/org/map", "/api/agencies", "/api/agencies/*", "/api/districts",
                "/api/districts/*/villages", "/api/geo/**");
    }
}
