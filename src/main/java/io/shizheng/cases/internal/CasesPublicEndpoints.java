package io.shizheng.cases.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** Open311 is public with its own keys; citizens follow their case by number and verification code. */
@Component
class CasesPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/cases/status");
    }

    @Override
    public List<String> publicAny() {
        return List.of("/open311/**", "/cases/status/**", "/api/cases/public/**");
    }
}
