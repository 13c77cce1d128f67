package io.shizheng.servicequality.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** Anyone may check a training certificate's verification code (the holder's name shows masked). */
@Component
class ServiceQualityPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/verify/certificate", "/verify/certificate/*");
    }
}
