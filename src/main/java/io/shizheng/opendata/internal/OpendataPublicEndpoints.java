package io.shizheng.opendata.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/**
 * The portal, downloads and DCAT are public reads. The CKAN API takes any method anonymously because CKAN
 * clients expect its own envelope: its write actions check the caller themselves and answer "Authorization Error".
 */
@Component
class OpendataPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/opendata", "/opendata/datasets/*", "/opendata/resources/*/download", "/opendata/resources/*",
                "/opendata/organizations/*",
                "/api/opendata/datasets", "/api/opendata/datasets/*", "/api/opendata/datasets/*/quality",
                "/api/opendata/datasets/*/versions", "/api/opendata/resources/*/download",
                "/catalog.jsonld", "/catalog.ttl", "/css/opendata.css", "/js/opendata-*.js");
    }

    @Override
    public List<String> publicAny() {
        return List.of("/api/3/action/*", "/api/action/*");
    }
}
