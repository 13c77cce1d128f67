package io.shizheng.org.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The district map: polygons on a plain background (no tile server is needed), with a point lookup. */
@Controller
class MapPage {

    private final Boundaries boundaries;

    MapPage(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    @GetMapping("/org/map")
    String map(Model model) {
        var districts = boundaries.districts();
        model.addAttribute("districts", districts);
        model.addAttribute("villageTotal", districts.stream().mapToInt(Boundaries.DistrictRow::villages).sum());
        return "org/map";
    }
}
