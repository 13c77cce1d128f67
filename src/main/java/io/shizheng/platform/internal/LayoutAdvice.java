package io.shizheng.platform.internal;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user, the jurisdiction and the demo / embedded-database banners. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final DemoMode demoMode;
    private final io.shizheng.platform.TableExporter exporter;
    private final Jurisdiction jurisdiction;

    LayoutAdvice(DemoMode demoMode, io.shizheng.platform.TableExporter exporter, Jurisdiction jurisdiction) {
        this.demoMode = demoMode;
        this.exporter = exporter;
        this.jurisdiction = jurisdiction;
    }

    /** The city or county, for messages that name it: #{key(${jurisdiction.government()})}. */
    @ModelAttribute("jurisdiction")
    Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /** Pages offer a PDF download only where the server can make one. */
    @ModelAttribute("pdfAvailable")
    boolean pdfAvailable() {
        return exporter.pdfAvailable();
    }

    @ModelAttribute("demoMode")
    DemoMode demoMode() {
        return demoMode;
    }

    @ModelAttribute("me")
    ShizhengUser me() {
        return CurrentUser.get().orElse(null);
    }
}
