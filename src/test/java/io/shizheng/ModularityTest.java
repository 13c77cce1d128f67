package io.shizheng;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ShizhengApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
    }

    /**
     * The module canvases, the component diagram of the whole and one per module, into docs/modules (committed,
     * linked from the README), so the documentation is what the code is.
     */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
