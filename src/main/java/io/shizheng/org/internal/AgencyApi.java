package io.shizheng.org.internal;

import java.net.URI;
import java.util.List;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agencies")
@Tag(name = "機關 Agencies", description = "市府機關樹 / The city's agency tree")
class AgencyApi {

    private final AgencyDirectory directory;
    private final AgencyRegistry registry;

    AgencyApi(AgencyDirectory directory, AgencyRegistry registry) {
        this.directory = directory;
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "所有機關（以 parentId 表示上下層） / All agencies, flat, with parentId")
    List<Agency> all() {
        return directory.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一個機關 / One agency")
    Agency one(@PathVariable long id) {
        return directory.find(id).orElseThrow(() -> AgencyRegistry.notFound(id));
    }

    @PostMapping
    @Operation(summary = "新增機關（系統管理者、研考會） / Create an agency (ADMIN or RDEC_STAFF)")
    ResponseEntity<Agency> create(@RequestBody AgencyInput input) {
        Agency created = registry.create(input);
        return ResponseEntity.created(URI.create("/api/agencies/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改機關（系統管理者、研考會） / Change an agency (ADMIN or RDEC_STAFF)")
    Agency update(@PathVariable long id, @RequestBody AgencyInput input) {
        return registry.update(id, input);
    }
}
