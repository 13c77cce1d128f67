package io.shizheng.cases.internal;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Case types and categories kept by RDEC: the same rules as the catalogue pages (city-wide staff only). */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "陳情與 1999 案件 / citizen cases from every channel")
class CatalogueApi {

    private final CatalogueAdmin admin;
    private final io.shizheng.platform.InputRules rules;

    CatalogueApi(CatalogueAdmin admin, io.shizheng.platform.InputRules rules) {
        this.admin = admin;
        this.rules = rules;
    }

    @GetMapping("/catalogue")
    @Operation(summary = "Case types and every category, retired ones too, with their case counts (RDEC)")
    CatalogueAdmin.Overview catalogue() {
        return admin.overview();
    }

    @PostMapping("/types")
    @Operation(summary = "Add a case type with its deadline rule (RDEC)")
    ResponseEntity<CaseType> createType(@RequestBody CatalogueAdmin.TypeInput body) {
        CaseType t = admin.createType(body);
        return ResponseEntity.created(URI.create("/api/cases/types/" + t.code())).body(t);
    }

    @GetMapping("/categories/{code}")
    @Operation(summary = "One category, retired or not, with its case counts (RDEC)")
    CatalogueAdmin.CategoryEntry category(@PathVariable String code) {
        return admin.entry(code);
    }

    @PostMapping("/categories")
    @Operation(summary = "Add a category with its competent agency (RDEC); offered for new cases and as an Open311 service at once")
    ResponseEntity<Category> createCategory(@RequestBody CatalogueAdmin.CategoryInput body) {
        Category c = admin.createCategory(body);
        return ResponseEntity.created(URI.create("/api/cases/categories/" + c.code())).body(c);
    }

    /** Every field of a category but its code; its Open311 attributes are kept. */
    record CategoryChange(
            @NotBlank(message = "{cases.catalogue.name.required}") @Size(max = 60, message = "{cases.catalogue.name.size}") @Nullable String name,
            @NotBlank(message = "{cases.catalogue.nameEn.required}") @Size(max = 100, message = "{cases.catalogue.nameEn.size}") @Nullable String nameEn,
            @NotBlank(message = "{cases.catalogue.description.required}") @Size(max = 500, message = "{cases.catalogue.description.size}") @Nullable String description,
            @NotBlank(message = "{cases.catalogue.group.required}") @Size(max = 40, message = "{cases.catalogue.group.size}") @Nullable String group,
            @Size(max = 200, message = "{cases.catalogue.keywords.size}") @Nullable String keywords,
            @NotBlank(message = "{cases.catalogue.agency.required}") @Nullable String agencyCode,
            @NotNull(message = "{cases.catalogue.flag.required}") @Nullable Boolean byDistrict,
            @NotNull(message = "{cases.catalogue.flag.required}") @Nullable Boolean needsLocation,
            @Min(value = 0, message = "{cases.catalogue.sort.range}") @Max(value = 9999, message = "{cases.catalogue.sort.range}") @Nullable Integer sort) {
    }

    @PutMapping("/categories/{code}")
    @Operation(summary = "Change a category (RDEC): names, group, keywords, competent agency, dispatch by district; its cases keep theirs")
    Category updateCategory(@PathVariable String code, @RequestBody CategoryChange body) {
        // who may, before what they sent: an officer is refused whatever the body says
        CatalogueAdmin.requireCityWide();
        rules.check(body);
        return admin.updateCategory(code, new CatalogueAdmin.CategoryInput(code, body.name(), body.nameEn(), body.description(),
                body.group(), body.keywords(), body.agencyCode(), body.byDistrict(), body.needsLocation(), body.sort()));
    }

    @PostMapping("/categories/{code}/retirement")
    @Operation(summary = "Retire a category (RDEC): no longer offered for new cases; its cases keep it and still count under it")
    Category retire(@PathVariable String code) {
        return admin.retire(code);
    }

    @PostMapping("/categories/{code}/reinstatement")
    @Operation(summary = "Offer a retired category again (RDEC)")
    Category reinstate(@PathVariable String code) {
        return admin.reinstate(code);
    }
}
