package io.shizheng.spatial.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The terrain page: pick a DEM, click a line on the map, see its profile (for signed-in staff). */
@Controller
class SpatialPages {

    private final DemStore store;

    SpatialPages(DemStore store) {
        this.store = store;
    }

    @GetMapping("/spatial/terrain")
    String terrain(Model model) {
        SpatialAccess.requireRead();
        List<DemStore.Summary> dems = store.list();
        model.addAttribute("dems", dems);
        model.addAttribute("dem", dems.isEmpty() ? null : dems.get(dems.size() - 1));
        return "spatial/terrain";
    }
}
