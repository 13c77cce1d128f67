package io.shizheng.exchange.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.exchange.internal.ExchangeDatasets.Dataset;
import io.shizheng.exchange.internal.Standards.Field;
import io.shizheng.exchange.internal.Standards.Standard;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange API that consumers call with their key: each published dataset as paged JSON or CSV,
 * filtered on its declared fields, metered per key and day against the grant's quota.
 */
@RestController
@RequestMapping("/exchange/v1")
@Tag(name = "Data exchange (consumers)", description = "以交換金鑰取用資料 / read exchange data with an exchange key (X-Exchange-Key)")
class ExchangeServe {

    static final int MAX_PAGE = 1000;

    private final ExchangeDatasets datasets;
    private final Consumers consumers;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ExchangeServe(ExchangeDatasets datasets, Consumers consumers, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.datasets = datasets;
        this.consumers = consumers;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/datasets/{code}/rows")
    @Operation(summary = "Rows of a published exchange dataset; filter with ?<field>=<value> on declared fields; format=json|csv")
    ResponseEntity<?> rows(@PathVariable String code, @RequestHeader(value = "X-Exchange-Key", required = false) String key,
                           @RequestParam Map<String, String> params) throws IOException {
        Dataset d = datasets.find(code).filter(Dataset::published)
                .orElseThrow(() -> new NotFoundException("沒有已上架的交換資料集 " + code + " / no published exchange dataset " + code));
        Standard standard = datasets.standardOf(d);
        int page = intParam(params, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(params, "size", 100, 1, MAX_PAGE);
        String format = params.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("format", "格式須為 json 或 csv / format must be json or csv");
        }
        Map<String, Object> filter = filter(standard, params);

        LocalDate today = LocalDate.now(clock);
        Consumers.Access access = consumers.authorise(key, d.id(), today);
        Integer counted = jdbc.sql("""
                insert into exchange_usage(key_id, dataset_id, day, requests) values (?, ?, ?, 1)
                on conflict (key_id, dataset_id, day) do update set requests = exchange_usage.requests + 1
                where exchange_usage.requests < ?
                returning requests""").params(access.keyId(), d.id(), today, access.dailyQuota())
                .query(Integer.class).optional().orElse(null);
        if (counted == null) {
            throw new Consumers.KeyRefused(429, "今日請求已達配額 " + access.dailyQuota() + " 次 / daily quota of "
                    + access.dailyQuota() + " requests reached");
        }

        String where = " where dataset_id = ?" + (filter.isEmpty() ? "" : " and data @> cast(? as jsonb)");
        List<Object> args = new ArrayList<>(List.of(d.id()));
        if (!filter.isEmpty()) {
            args.add(json.writeValueAsString(filter));
        }
        long total = jdbc.sql("select count(*) from exchange_row" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) (page - 1) * size);
        List<String> rows = jdbc.sql("select data::text from exchange_row" + where + " order by row_no limit ? offset ?")
                .params(pageArgs).query(String.class).list();
        jdbc.sql("update exchange_usage set rows_served = rows_served + ? where key_id = ? and dataset_id = ? and day = ?")
                .params(rows.size(), access.keyId(), d.id(), today).update();

        if (format.equals("csv")) {
            StringWriter out = new StringWriter();
            out.write('\uFEFF');
            List<String> names = standard.fields().stream().map(Field::name).toList();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(names.toArray(String[]::new)).get())) {
                for (String row : rows) {
                    Map<?, ?> values = json.readValue(row, Map.class);
                    List<Object> cells = new ArrayList<>();
                    names.forEach(n -> cells.add(values.get(n)));
                    printer.printRecord(cells);
                }
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                    .header("X-Total-Count", String.valueOf(total)).body(out.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset", d.code());
        body.put("standard", Map.of("code", standard.code(), "version", standard.version()));
        body.put("page", page);
        body.put("size", size);
        body.put("total", total);
        body.put("quotaLeftToday", access.dailyQuota() - counted);
        List<Object> parsed = new ArrayList<>();
        for (String row : rows) {
            parsed.add(json.readTree(row));
        }
        body.put("rows", parsed);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Filters on declared fields only, each value read by its field's type. */
    static Map<String, Object> filter(Standard standard, Map<String, String> params) {
        Map<String, Object> filter = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (List.of("page", "size", "format").contains(p.getKey())) {
                continue;
            }
            Field field = standard.fields().stream().filter(f -> f.name().equals(p.getKey())).findFirst().orElse(null);
            if (field == null) {
                problems.add(new FieldProblem(p.getKey(), "不是此資料標準宣告的欄位 / not a declared field of the standard"));
                continue;
            }
            try {
                filter.put(field.name(), field.type().normalise(p.getValue(), field.codeList()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field.name(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return filter;
    }

    private static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
        String v = params.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " 須為 " + min + " 至 " + max + " 的整數 / must be a whole number " + min + " to " + max);
        }
    }

    @ExceptionHandler(Consumers.KeyRefused.class)
    ResponseEntity<ProblemDetail> refused(Consumers.KeyRefused e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle(status == HttpStatus.TOO_MANY_REQUESTS ? "超過配額 / Quota exceeded"
                : status == HttpStatus.FORBIDDEN ? "未獲授權 / No grant" : "需要交換金鑰 / Exchange key required");
        p.setType(URI.create("https://shizheng.io/problems/" + status.value()));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            b.header("Retry-After", String.valueOf(java.time.Duration.between(java.time.LocalDateTime.now(clock),
                    LocalDate.now(clock).plusDays(1).atStartOfDay()).toSeconds()));
        }
        return b.body(p);
    }
}
