package io.shizheng.cases.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.PersonalData;
import io.shizheng.platform.RocDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2: services, service definitions, posting and reading service requests, tokens. Public
 * (city-appearance reports only); never carries the reporter's personal data. Errors are the specification's
 * array of {code, description}.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "市政查報公開 API / public API for city reports")
class Open311Api {

    static final int MAX_RANGE_DAYS = 90;
    static final int MAX_RESULTS = 1000;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Catalogue catalogue;
    private final CaseService cases;
    private final CaseStore store;
    private final Open311Keys keys;
    private final AgencyDirectory agencies;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final int defaultPageSize;

    Open311Api(Catalogue catalogue, CaseService cases, CaseStore store, Open311Keys keys, AgencyDirectory agencies,
               TransactionTemplate tx, JdbcClient jdbc, Jurisdiction jurisdiction,
               @Value("${shizheng.cases.open311.page-size:100}") int defaultPageSize) {
        this.defaultPageSize = Math.max(1, Math.min(MAX_RESULTS, defaultPageSize));
        this.catalogue = catalogue;
        this.cases = cases;
        this.store = store;
        this.keys = keys;
        this.agencies = agencies;
        this.tx = tx;
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
    }

    /** An error the specification's way: status and descriptions. */
    static final class Open311Error extends RuntimeException {
        final HttpStatus status;
        final List<String> descriptions;

        Open311Error(HttpStatus status, String... descriptions) {
            this(status, List.of(descriptions));
        }

        Open311Error(HttpStatus status, List<String> descriptions) {
            super(String.join("; ", descriptions));
            this.status = status;
            this.descriptions = descriptions;
        }
    }

    /** Errors answer in the format the path asked for. */
    private static String format(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().endsWith(".xml") ? "xml" : "json";
    }

    @ExceptionHandler(Open311Error.class)
    ResponseEntity<String> open311Error(Open311Error e, jakarta.servlet.http.HttpServletRequest request) {
        return Open311Format.error(e.status, format(request), e.descriptions);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        String format = format(request);
        if (e instanceof org.springframework.web.HttpMediaTypeNotSupportedException) {
            return Open311Format.error(HttpStatus.BAD_REQUEST, format,
                    List.of("POST requests must be application/x-www-form-urlencoded or multipart/form-data"));
        }
        if (e instanceof org.apache.tomcat.util.http.InvalidParameterException bad) {
            // the container refused to read the form: too large (413) or malformed (400)
            HttpStatus status = bad.getErrorCode() == 413 ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
            return Open311Format.error(status, format, List.of(status == HttpStatus.CONTENT_TOO_LARGE
                    ? Open311BodyLimit.TOO_LARGE : "the form could not be read: " + bad.getMessage()));
        }
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return Open311Format.error(HttpStatus.CONTENT_TOO_LARGE, format, List.of(Open311BodyLimit.TOO_LARGE));
        }
        if (e instanceof org.springframework.web.multipart.MultipartException) {
            return Open311Format.error(HttpStatus.BAD_REQUEST, format, List.of("the multipart body could not be read"));
        }
        org.slf4j.LoggerFactory.getLogger(Open311Api.class).error("Open311 request failed", e);
        return Open311Format.error(HttpStatus.INTERNAL_SERVER_ERROR, format, List.of("internal error"));
    }

    private void begin(String fmt, MultiValueMap<String, String> params) {
        if (!Open311Format.valid(fmt)) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "format not supported: use .json or .xml");
        }
        refuseUnstorable(params);
        String j = params.getFirst("jurisdiction_id");
        if (j != null && !j.isBlank() && !j.strip().equalsIgnoreCase(jurisdiction.open311JurisdictionId())) {
            throw new Open311Error(HttpStatus.NOT_FOUND,
                    "jurisdiction_id not found: this server serves " + jurisdiction.open311JurisdictionId());
        }
    }

    // ------------------------------------------------------------------ services

    @GetMapping("/services.{format}")
    @Operation(summary = "Open311: list services (report categories)")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        begin(format, params);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Category c : catalogue.categories()) {
            if (!c.needsLocation()) {
                continue;
            }
            out.add(Open311Format.ordered("service_code", c.code(), "service_name", c.name(), "description",
                    c.description(), "metadata", !c.attributes().isEmpty(), "type", "realtime", "keywords", c.keywords(),
                    "group", c.group()));
        }
        return Open311Format.body(HttpStatus.OK, format, "services", out);
    }

    @GetMapping("/services/{code}.{format}")
    @Operation(summary = "Open311: service definition with its attributes")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam MultiValueMap<String, String> params) {
        begin(format, params);
        Category c = catalogue.category(code).filter(Category::needsLocation)
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "service_code not found: " + code));
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Category.Attribute a : c.attributes()) {
            Map<String, Object> m = Open311Format.ordered("variable", true, "code", a.code(), "datatype", a.datatype(),
                    "required", a.required(), "datatype_description", "", "order", a.order(), "description", a.description());
            if (a.values() != null && !a.values().isEmpty()) {
                m.put("values", a.values().stream().map(v -> Open311Format.ordered("key", v.get("key"), "name", v.get("name"))).toList());
            }
            attributes.add(m);
        }
        return Open311Format.body(HttpStatus.OK, format, "service_definition",
                Open311Format.ordered("service_code", c.code(), "attributes", attributes));
    }

    // ------------------------------------------------------------------ posting a request

    @PostMapping(value = "/requests.{format}", consumes = {"application/x-www-form-urlencoded", "multipart/form-data"})
    @Operation(summary = "Open311: submit a service request (form-encoded, api_key required; Idempotency-Key honoured)")
    ResponseEntity<String> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
                                @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        begin(format, params);
        String apiKey = params.getFirst("api_key");
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Error(HttpStatus.FORBIDDEN, "api_key is required");
        }
        long keyId = keys.resolve(apiKey).orElseThrow(() -> new Open311Error(HttpStatus.FORBIDDEN, "api_key is not valid"));
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 200 characters");
        }
        if (idempotencyKey != null) {
            Optional<CaseRow> earlier = byIdempotencyKey(keyId, idempotencyKey);
            if (earlier.isPresent()) {
                return posted(format, earlier.get(), HttpStatus.OK);
            }
        }
        IntakeForm form = form(params);
        CaseRow row;
        try {
            row = tx.execute(s -> {
                CaseRow r = cases.intake(form, keyId, false);
                if (idempotencyKey != null) {
                    jdbc.sql("insert into cases_idempotency (api_key_id, idem_key, case_id) values (?,?,?)")
                            .params(keyId, idempotencyKey, r.id()).update();
                }
                return r;
            });
        } catch (DuplicateKeyException race) {
            // a retry overtook the first submission: answer with the request the first one created
            row = byIdempotencyKey(keyId, idempotencyKey).orElseThrow();
            return posted(format, row, HttpStatus.OK);
        } catch (InvalidInputException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, e.problems().stream()
                    .map(p -> open311Field(p.field()) + ": " + p.message()).toList());
        }
        return posted(format, row, HttpStatus.CREATED);
    }

    private Optional<CaseRow> byIdempotencyKey(long keyId, String key) {
        return jdbc.sql("select case_id from cases_idempotency where api_key_id = ? and idem_key = ?").params(keyId, key)
                .query(Long.class).optional().flatMap(store::byId);
    }

    private ResponseEntity<String> posted(String format, CaseRow r, HttpStatus status) {
        String agency = agencies.find(r.agencyId()).map(Agency::name).orElse("");
        String notice = "案號 " + r.caseNo() + "，查詢碼 " + r.verifyCode() + "，由" + agency + "處理，預定 "
                + r.effectiveDue() + " 前答復；進度請至 /cases/status 查詢 / case " + r.caseNo() + ", verification code "
                + r.verifyCode() + ", reply due by " + r.effectiveDue();
        return Open311Format.body(status, format, "service_requests", List.of(Open311Format.ordered(
                "service_request_id", r.caseNo(), "token", r.token(), "service_notice", notice, "account_id", null)));
    }

    /** NUL and the other control characters (but tab and line breaks) can be neither stored nor sent back as XML. */
    static void refuseUnstorable(MultiValueMap<String, String> params) {
        List<String> problems = new ArrayList<>();
        params.forEach((name, values) -> {
            if (values.stream().anyMatch(v -> v != null && v.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'))) {
                problems.add(name + " must not contain control characters such as NUL");
            }
        });
        if (!problems.isEmpty()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, problems);
        }
    }

    private IntakeForm form(MultiValueMap<String, String> p) {
        return form(p, code -> catalogue.category(code).filter(Category::needsLocation).isPresent());
    }

    /** The form's fields as an intake, or the Open311 error; {@code locatedService} knows the service codes. */
    static IntakeForm form(MultiValueMap<String, String> p, java.util.function.Predicate<String> locatedService) {
        List<String> problems = new ArrayList<>();
        String code = p.getFirst("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code is required");
        }
        if (!locatedService.test(code.strip())) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code not found: " + code);
        }
        Double lat = number(p.getFirst("lat"), "lat", 90, problems);
        Double lon = number(p.getFirst("long"), "long", 180, problems);
        String address = p.getFirst("address_string");
        if (lat == null && lon == null && (address == null || address.isBlank()) && problems.isEmpty()) {
            problems.add("lat/long or address_string is required");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (var e : p.entrySet()) {
            if (e.getKey().startsWith("attribute[") && e.getKey().endsWith("]") && !e.getValue().isEmpty()) {
                attributes.put(e.getKey().substring(10, e.getKey().length() - 1), String.join(",", e.getValue()));
            }
        }
        if (!problems.isEmpty()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, problems);
        }
        String first = p.getFirst("first_name");
        String last = p.getFirst("last_name");
        String name = ((last == null ? "" : last.strip()) + (first == null ? "" : first.strip())).strip();
        String email = p.getFirst("email");
        return new IntakeForm("REPORT", "OPEN311", code.strip(), p.getFirst("description"), lon, lat, address,
                name.isEmpty() ? null : name, null, p.getFirst("phone"), email, null,
                email != null && !email.isBlank() ? "EMAIL" : "NONE", null, null, null, attributes, p.getFirst("media_url"));
    }

    private static Double number(String s, String field, double limit, List<String> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            if (Math.abs(d) > limit) {
                problems.add(field + " must be a WGS 84 degree from -" + (int) limit + " to " + (int) limit);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(field + " must be a decimal number");
            return null;
        }
    }

    /** Our field names as the specification calls them. */
    private static String open311Field(String field) {
        return switch (field) {
            case "lon" -> "long";
            case "address" -> "address_string";
            case "mediaUrl" -> "media_url";
            case "category" -> "service_code";
            default -> field;
        };
    }

    // ------------------------------------------------------------------ reading requests

    @GetMapping("/requests.{format}")
    @Operation(summary = "Open311: list service requests (last 90 days by default, newest first; page_size 1–1000, default 100, and page)")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        begin(format, params);
        StringBuilder where = new StringBuilder("c.type = 'REPORT'");
        Map<String, Object> args = new HashMap<>();
        String ids = params.getFirst("service_request_id");
        if (ids != null && !ids.isBlank()) {
            // the specification: service_request_id overrides all other arguments
            List<String> list = List.of(ids.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).limit(MAX_RESULTS).toList();
            where.append(" and c.case_no in (:ids)");
            args.put("ids", list);
        } else {
            String codes = params.getFirst("service_code");
            if (codes != null && !codes.isBlank()) {
                List<String> list = List.of(codes.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
                Map<String, Category> known = catalogue.categoryMap();
                List<String> unknown = list.stream().filter(c -> !known.containsKey(c)).toList();
                if (!unknown.isEmpty()) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code not found: " + String.join(",", unknown));
                }
                where.append(" and c.category_code in (:codes)");
                args.put("codes", list);
            }
            String status = params.getFirst("status");
            if (status != null && !status.isBlank()) {
                List<String> list = new ArrayList<>();
                for (String s : status.split(",")) {
                    String v = s.strip().toLowerCase();
                    if (!v.equals("open") && !v.equals("closed")) {
                        throw new Open311Error(HttpStatus.BAD_REQUEST, "status must be open or closed (comma-delimited): " + s.strip());
                    }
                    list.add(v.toUpperCase());
                }
                where.append(" and c.status in (:status)");
                args.put("status", list);
            }
            Instant start = time(params.getFirst("start_date"), "start_date");
            Instant end = time(params.getFirst("end_date"), "end_date");
            Duration max = Duration.ofDays(MAX_RANGE_DAYS);
            if (start == null && end == null) {
                end = cases.today().plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant();
                start = end.minus(max);
            } else if (start == null) {
                start = end.minus(max);
            } else if (end == null) {
                end = start.plus(max);
            }
            if (end.isBefore(start)) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "end_date is before start_date");
            }
            if (Duration.between(start, end).compareTo(max) > 0) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date and end_date may not span more than " + MAX_RANGE_DAYS + " days");
            }
            where.append(" and c.received_at >= :start and c.received_at <= :end");
            args.put("start", Timestamp.from(start));
            args.put("end", Timestamp.from(end));
        }
        int pageSize = intParam(params.getFirst("page_size"), "page_size", defaultPageSize, 1, MAX_RESULTS);
        int page = intParam(params.getFirst("page"), "page", 1, 1, 100_000);
        List<CaseRow> rows = store.search(where.toString(), args, "c.received_at desc, c.id desc", pageSize, (page - 1) * pageSize);
        return Open311Format.body(HttpStatus.OK, format, "service_requests", render(rows));
    }

    @GetMapping("/requests/{id:[^.]+}.{format}")
    @Operation(summary = "Open311: one service request")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam MultiValueMap<String, String> params) {
        begin(format, params);
        CaseRow r = store.byNo(id).filter(c -> "REPORT".equals(c.type()))
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "service_request_id not found: " + id));
        return Open311Format.body(HttpStatus.OK, format, "service_requests", render(List.of(r)));
    }

    @GetMapping("/tokens/{token:[^.]+}.{format}")
    @Operation(summary = "Open311: the service request id behind a token")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam MultiValueMap<String, String> params) {
        begin(format, params);
        CaseRow r = store.byToken(token).filter(c -> "REPORT".equals(c.type()))
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "token not found: " + token));
        return Open311Format.body(HttpStatus.OK, format, "service_requests",
                List.of(Open311Format.ordered("service_request_id", r.caseNo(), "token", r.token())));
    }

    static int intParam(String s, String field, int dflt, int min, int max) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(s.strip());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a whole number from " + min + " to " + max);
        }
    }

    static Instant time(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s.strip());
            if (t.getYear() < 1900 || t.getYear() > 9999) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a date-time between the years 1900 and 9999");
            }
            return t.toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a W3C date-time with a time zone, e.g. 2018-03-01T00:00:00+08:00");
        }
    }

    /**
     * The specification's fields of a request; the reporter's contact never appears, and what they typed (description,
     * address, replies quoting them) is shown through {@link PersonalData}.
     */
    List<Map<String, Object>> render(List<CaseRow> rows) {
        Map<Long, String> agencyNames = agencyNames();
        Map<String, Category> cats = catalogue.categoryMap();
        Map<Long, String> citizens = store.citizenNames(rows.stream().map(CaseRow::citizenId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (CaseRow r : rows) {
            List<String> names = r.citizenId() == null || !citizens.containsKey(r.citizenId()) ? List.of()
                    : List.of(citizens.get(r.citizenId()));
            Category cat = cats.get(r.categoryCode());
            String notes = null;
            if (!r.open() && r.closingCategory() != null) {
                notes = r.closingCategory().label() + (r.reply() != null && r.closingCategory() != ClosingCategory.DUPLICATE
                        ? "：" + r.reply() : "");
            } else if (r.extensionReason() != null) {
                notes = "展延 / extended: " + r.extensionReason();
            }
            out.add(Open311Format.ordered(
                    "service_request_id", r.caseNo(),
                    "status", r.open() ? "open" : "closed",
                    "status_notes", PersonalData.mask(notes, names),
                    "service_name", cat == null ? r.categoryCode() : cat.name(),
                    "service_code", r.categoryCode(),
                    "description", PersonalData.mask(r.description(), names),
                    "agency_responsible", agencyNames.getOrDefault(r.agencyId(), ""),
                    "service_notice", r.extendedDueOn() != null ? "處理期限已展延 / deadline extended" : null,
                    "requested_datetime", w3c(r.receivedAt()),
                    "updated_datetime", w3c(r.updatedAt()),
                    "expected_datetime", r.open() ? W3C.format(ZonedDateTime.of(r.effectiveDue(), java.time.LocalTime.of(17, 30), RocDate.TAIPEI)) : null,
                    "address", r.address() != null ? PersonalData.mask(r.address(), names) : r.districtName() == null ? null
                            : jurisdiction.name() + r.districtName() + (r.villageName() == null ? "" : r.villageName()),
                    "address_id", null,
                    "zipcode", null,
                    "lat", r.lat(),
                    "long", r.lon(),
                    "media_url", r.mediaUrl()));
        }
        return out;
    }

    private record Names(Map<Long, String> names, long loadedAt) {
    }

    private volatile Names names;

    /** Agency names for the public list, re-read every half minute rather than on every request. */
    private Map<Long, String> agencyNames() {
        Names n = names;
        if (n == null || System.currentTimeMillis() - n.loadedAt() > 30_000) {
            n = new Names(agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name, (a, b) -> a)),
                    System.currentTimeMillis());
            names = n;
        }
        return n.names();
    }

    static String w3c(Instant t) {
        return t == null ? null : W3C.format(t.atZone(RocDate.TAIPEI));
    }
}
