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
        // The lookup form starts at a point inside the jurisdiction: inside its first district.
        boundaries.districtShapes().stream().findFirst().map(s -> s.geometry().getInteriorPoint()).ifPresent(p -> {
            model.addAttribute("lookupLon", Math.round(p.getX() * 1e4) / 1e4);
            model.addAttribute("lookupLat", Math.round(p.getY() * 1e4) / 1e4);
        });
        return "org/map";
    }
}
