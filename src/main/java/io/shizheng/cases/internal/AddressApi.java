package io.shizheng.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Door-plate address points: import (RDEC, administrators) and look-up of an address. */
@RestController
@RequestMapping("/api/cases/address-points")
@Tag(name = "Cases", description = "陳情與 1999 案件 / citizen cases from every channel")
class AddressApi {

    private final AddressImport imports;
    private final AddressPoints points;

    AddressApi(AddressImport imports, AddressPoints points) {
        this.imports = imports;
        this.points = points;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "Import door-plate address points from a CSV file (RDEC, administrators): all or nothing, bad rows named by line; "
            + "replace=true replaces every point")
    ResponseEntity<AddressImport.Result> upload(@RequestPart("file") MultipartFile file,
                                                @RequestParam(defaultValue = "false") boolean replace) throws IOException {
        ShizhengUser me = CurrentUser.require();
        AddressImport.requireImporter(me);
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "請選擇檔案 / choose a file");
        }
        try (InputStream in = file.getInputStream()) {
            return created(imports.run(in, name(file.getOriginalFilename()), replace, me));
        }
    }

    @PostMapping(consumes = "text/csv")
    @Operation(summary = "Import door-plate address points sent as a text/csv body (RDEC, administrators); replace=true replaces every point")
    ResponseEntity<AddressImport.Result> push(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean replace)
            throws IOException {
        ShizhengUser me = CurrentUser.require();
        AddressImport.requireImporter(me);
        try (InputStream in = request.getInputStream()) {
            return created(imports.run(in, "api.csv", replace, me));
        }
    }

    private static ResponseEntity<AddressImport.Result> created(AddressImport.Result r) {
        return ResponseEntity.created(URI.create("/api/cases/address-points/imports")).body(r);
    }

    static String name(@Nullable String original) {
        String n = original == null || original.isBlank() ? "upload.csv" : original.strip();
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    record Lookup(String address, boolean found, @Nullable String normalised, @Nullable Double lon, @Nullable Double lat,
                  @Nullable String districtCode, @Nullable String district, @Nullable String village, String note) {
    }

    @GetMapping("/match")
    @Operation(summary = "The door-plate point of an address (staff): normalised (全形/半形, 臺/台, 三段/3段, 之 numbers), or why none")
    Lookup match(@RequestParam String address) {
        CurrentUser.require();
        if (address.length() > 300) {
            throw new InvalidInputException("address", "地址過長 / address is too long (300)");
        }
        return lookup(points, address);
    }

    static Lookup lookup(AddressPoints points, String address) {
        AddressPoints.Match m = points.match(address);
        return new Lookup(address, m.found(), m.normalised(), m.found() ? m.point().lon() : null, m.found() ? m.point().lat() : null,
                m.place() == null ? null : m.place().districtCode(), m.place() == null ? null : m.place().districtName(),
                m.place() == null ? null : m.place().villageName(), m.note());
    }

    @GetMapping("/imports")
    @Operation(summary = "The latest imports of address points with their counts (RDEC, administrators)")
    List<AddressImport.Run> runs() {
        AddressImport.requireImporter(CurrentUser.require());
        return imports.recent(50);
    }
}
