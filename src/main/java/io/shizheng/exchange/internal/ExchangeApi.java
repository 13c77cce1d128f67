package io.shizheng.exchange.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.exchange.internal.ExchangeDatasets.Dataset;
import io.shizheng.exchange.internal.Standards.Standard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Data exchange (management)", description = "資料標準、交換資料集、使用單位、金鑰與授權 / standards, datasets, consumers, keys and grants")
class ExchangeApi {

    private final Standards standards;
    private final ExchangeDatasets datasets;
    private final Consumers consumers;
    private final Usage usage;
    private final Clock clock;

    ExchangeApi(Standards standards, ExchangeDatasets datasets, Consumers consumers, Usage usage, Clock clock) {
        this.standards = standards;
        this.datasets = datasets;
        this.consumers = consumers;
        this.usage = usage;
        this.clock = clock;
    }

    @GetMapping("/standards")
    @Operation(summary = "The city's data standards, every version (public)")
    List<Standard> standards() {
        return standards.list();
    }

    @GetMapping("/standards/{code}/{version}")
    @Operation(summary = "One version of a data standard with its field dictionary (public)")
    Standard standard(@PathVariable String code, @PathVariable int version) {
        return standards.get(code, version);
    }

    @PostMapping("/standards")
    @Operation(summary = "A new draft version of a standard (RDEC)")
    ResponseEntity<Standard> draft(@RequestBody Standards.Draft body) {
        Standard s = standards.draft(body);
        return ResponseEntity.created(URI.create("/api/exchange/standards/" + s.code() + "/" + s.version())).body(s);
    }

    @PostMapping("/standards/{code}/{version}/publish")
    @Operation(summary = "Publish a draft version; published versions never change (RDEC)")
    Standard publishStandard(@PathVariable String code, @PathVariable int version) {
        return standards.publish(code, version);
    }

    @GetMapping("/datasets")
    @Operation(summary = "Exchange datasets (signed-in staff)")
    List<Dataset> datasets() {
        return datasets.list();
    }

    @GetMapping("/datasets/{code}")
    @Operation(summary = "An exchange dataset with its standard, grants and the last 30 days of use")
    Map<String, Object> dataset(@PathVariable String code) {
        Dataset d = datasets.get(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset", d);
        body.put("standard", datasets.standardOf(d));
        body.put("grants", consumers.grants(d.id()));
        LocalDate today = LocalDate.now(clock);
        body.put("usage", usage.daily(d.id(), today.minusDays(29), today));
        return body;
    }

    @PostMapping("/datasets")
    @Operation(summary = "Declare an exchange dataset against a published standard (owner agency or RDEC)")
    ResponseEntity<Dataset> create(@RequestBody ExchangeDatasets.NewDataset body) {
        Dataset d = datasets.create(body);
        return ResponseEntity.created(URI.create("/api/exchange/datasets/" + d.code())).body(d);
    }

    @PostMapping(value = "/datasets/{code}/rows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ingest rows as JSON objects; all valid or none stored (mode=replace|append)")
    ExchangeDatasets.IngestResult ingestJson(@PathVariable String code, @RequestParam(defaultValue = "replace") String mode,
                                             @RequestBody List<Map<String, Object>> rows) {
        return datasets.ingestJson(code, rows, append(mode));
    }

    @PostMapping(value = "/datasets/{code}/rows", consumes = "text/csv")
    @Operation(summary = "Ingest rows as CSV (header = field names, UTF-8); all valid or none stored")
    ExchangeDatasets.IngestResult ingestCsv(@PathVariable String code, @RequestParam(defaultValue = "replace") String mode,
                                            @RequestBody String csv) throws IOException {
        return datasets.ingestCsv(code, new StringReader(csv), append(mode));
    }

    @PostMapping(value = "/datasets/{code}/rows", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ingest rows from an uploaded CSV file; all valid or none stored")
    ExchangeDatasets.IngestResult ingestFile(@PathVariable String code, @RequestParam(defaultValue = "replace") String mode,
                                             @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return datasets.ingestCsv(code, reader, append(mode));
        }
    }

    @PostMapping("/datasets/{code}/publish")
    @Operation(summary = "Publish the dataset to its grantees (owner agency or RDEC)")
    Dataset publish(@PathVariable String code) {
        return datasets.publish(code);
    }

    record GrantInput(Integer dailyQuota) {
    }

    @PutMapping("/datasets/{code}/grants/{consumerId}")
    @Operation(summary = "Grant a consumer access with a daily request quota (owner agency or RDEC)")
    Consumers.Grant grant(@PathVariable String code, @PathVariable long consumerId, @RequestBody GrantInput body) {
        return consumers.grant(code, consumerId, body.dailyQuota());
    }

    @DeleteMapping("/datasets/{code}/grants/{consumerId}")
    @Operation(summary = "Revoke a consumer's access (owner agency or RDEC)")
    Consumers.Grant revoke(@PathVariable String code, @PathVariable long consumerId) {
        return consumers.revokeGrant(code, consumerId);
    }

    @GetMapping("/datasets/{code}/usage")
    @Operation(summary = "Use of the dataset per consumer key and day")
    List<Usage.Day> usage(@PathVariable String code, @RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to) {
        Dataset d = datasets.get(code);
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        return usage.byKey(d.id(), from == null ? end.minusDays(29) : from, end);
    }

    @GetMapping("/consumers")
    @Operation(summary = "Registered consumers")
    List<Consumers.Consumer> consumers() {
        return consumers.list();
    }

    record ConsumerInput(@jakarta.validation.constraints.NotBlank(message = "{exchange.consumer.name}")
                         @jakarta.validation.constraints.Size(max = 200, message = "{exchange.consumer.name}") String name,
                         Long agencyId,
                         @jakarta.validation.constraints.Size(max = 200, message = "{exchange.consumer.contact.size}") String contact) {
    }

    @PostMapping("/consumers")
    @Operation(summary = "Register a consumer: an outside party (RDEC) or one's own agency")
    ResponseEntity<Consumers.Consumer> register(@jakarta.validation.Valid @RequestBody ConsumerInput body) {
        Consumers.Consumer c = consumers.register(body.name(), body.agencyId(), body.contact());
        return ResponseEntity.created(URI.create("/api/exchange/consumers/" + c.id())).body(c);
    }

    @PostMapping("/consumers/{id}/keys")
    @Operation(summary = "Issue an exchange key; the key is shown only in this answer")
    ResponseEntity<Consumers.IssuedKey> issueKey(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consumers.issueKey(id));
    }

    @DeleteMapping("/keys/{id}")
    @Operation(summary = "Revoke an exchange key")
    ResponseEntity<Void> revokeKey(@PathVariable long id) {
        consumers.revokeKey(id);
        return ResponseEntity.noContent().build();
    }

    private static boolean append(String mode) {
        return switch (mode) {
            case "append" -> true;
            case "replace" -> false;
            default -> throw new io.shizheng.platform.InvalidInputException("mode", "須為 replace 或 append / mode must be replace or append");
        };
    }

    @ExceptionHandler(ExchangeDatasets.RowsRefused.class)
    ResponseEntity<ProblemDetail> rowsRefused(ExchangeDatasets.RowsRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle("資料列有誤 / Invalid rows");
        p.setType(URI.create("https://shizheng.io/problems/422"));
        p.setProperty("errors", e.problems().stream().limit(1000).map(r -> Map.of("row", r.row(), "field", r.field(),
                "message", r.message())).toList());
        p.setProperty("errorCount", e.problems().size());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

}
