package io.shizheng.cases.internal.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import io.shizheng.cases.internal.IntakeForm;
import io.shizheng.cases.internal.Category;
import io.shizheng.cases.internal.Catalogue;

/** The parameters of Open311 requests read the specification's way: a report's form, numbers, dates, pages. */
final class Open311Params {

    private Open311Params() {
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

    static IntakeForm form(MultiValueMap<String, String> p, Catalogue catalogue) {
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

    static Double number(String s, String field, double limit, List<String> problems) {
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
    static String open311Field(String field) {
        return switch (field) {
            case "lon" -> "long";
            case "address" -> "address_string";
            case "mediaUrl" -> "media_url";
            case "category" -> "service_code";
            default -> field;
        };
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
}
