package io.shizheng.plan.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ScorecardPage {

    @GetMapping("/")
    String home() {
        return "plan/scorecard";
    }
}
