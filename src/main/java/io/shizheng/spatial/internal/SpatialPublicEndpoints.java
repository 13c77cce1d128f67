package io.shizheng.spatial.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** The sun position is a public calculation; the DEMs and their analyses need a signed-in account. */
@Component
class SpatialPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/api/spatial/sun");
    }
}
