package io.shizheng.exchange.internal;

import java.util.List;

import io.shizheng.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** Consumers call the exchange API with their own key, not a user sign-in. */
@Component
class ExchangePublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicReads() {
        return List.of("/exchange/v1/**", "/api/exchange/standards", "/api/exchange/standards/**");
    }
}
