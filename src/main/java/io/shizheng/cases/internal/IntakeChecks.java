package io.shizheng.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.Jurisdiction;
import org.springframework.stereotype.Component;

import static io.shizheng.cases.internal.Inputs.MAX_TEXT;
import static io.shizheng.cases.internal.Inputs.digits;
import static io.shizheng.cases.internal.Inputs.isBlank;
import static io.shizheng.cases.internal.Inputs.parse;
import static io.shizheng.cases.internal.Inputs.trim;
import static io.shizheng.cases.internal.Inputs.trimUpper;

/** Checks an intake form field by field and resolves its type, category, place, citizen and related cases. */
@Component
class IntakeChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final CaseStore store;
    private final Catalogue catalogue;
    private final GeoLookup geo;
    private final Jurisdiction jurisdiction;
    private final AddressPoints addresses;

    IntakeChecks(CaseStore store, Catalogue catalogue, GeoLookup geo, Jurisdiction jurisdiction, AddressPoints addresses) {
        this.addresses = addresses;
        this.store = store;
        this.catalogue = catalogue;
        this.geo = geo;
        this.jurisdiction = jurisdiction;
    }

    record Validated(CaseType type, Channel channel, Category category, Optional<Place> place, Citizen citizen,
                             ReplyBy replyBy, CaseRow related, CaseRow duplicateOf, Map<String, String> attributes,
                             AddressPoints.@org.jspecify.annotations.Nullable Match located) {

        /** The case's point: as given, or its address's door-plate point; null when it has neither. */
        Double lon(IntakeForm f) {
            return located != null && located.found() ? Double.valueOf(located.point().lon()) : f.lon();
        }

        Double lat(IntakeForm f) {
            return located != null && located.found() ? Double.valueOf(located.point().lat()) : f.lat();
        }
    }

    Validated validate(IntakeForm f) {
        List<FieldProblem> p = new ArrayList<>();
        CaseType type = isBlank(f.type()) ? catalogue.type("PETITION").orElseThrow() : catalogue.type(f.type()).orElse(null);
        if (type == null) {
            p.add(new FieldProblem("type", "沒有這個案件類型 / unknown case type"));
        }
        Channel channel = parse(Channel.class, f.channel(), "channel", p);
        Category category = null;
        if (isBlank(f.category())) {
            p.add(new FieldProblem("category", "請選擇案件類別 / category is required"));
        } else {
            category = catalogue.category(f.category()).orElse(null);
            if (category == null) {
                p.add(new FieldProblem("category", "沒有這個案件類別 / unknown category"));
            }
        }
        if (isBlank(f.description())) {
            p.add(new FieldProblem("description", "請填寫案情 / description is required"));
        } else if (f.description().strip().length() > MAX_TEXT) {
            p.add(new FieldProblem("description", "案情不可超過 " + MAX_TEXT + " 字 / description is limited to " + MAX_TEXT + " characters"));
        }
        Optional<Place> place = Optional.empty();
        if ((f.lon() == null) != (f.lat() == null)) {
            p.add(new FieldProblem(f.lon() == null ? "lon" : "lat", "經緯度需成對填寫 / give both longitude and latitude"));
        } else if (f.lon() != null) {
            place = geo.locate(f.lon(), f.lat());
            if (place.isEmpty()) {
                p.add(new FieldProblem("lat", "地點不在" + jurisdiction.name() + "轄區內 / the location is outside "
                        + jurisdiction.nameEn()));
            }
        } else if (category != null && category.needsLocation() && isBlank(f.address()) && type != null
                && (type.code().equals("REPORT") || type.code().equals("NOTIFICATION"))) {
            p.add(new FieldProblem("address", "此類別需要地點（座標或地址）/ this category needs a location (point or address)"));
        }
        if (f.address() != null && f.address().length() > 300) {
            p.add(new FieldProblem("address", "地址過長 / address is too long (300)"));
        }
        // an address without coordinates is placed by its door-plate point when it has one; else it stays without
        AddressPoints.Match located = null;
        if (f.lon() == null && f.lat() == null && !isBlank(f.address()) && f.address().length() <= 300) {
            located = addresses.match(f.address());
            if (located.found()) {
                place = Optional.ofNullable(located.place());
            }
        }
        Citizen citizen = new Citizen(null, trim(f.name()), trimUpper(f.idNumber()), digits(f.phone()), trim(f.email()),
                trim(f.citizenAddress()));
        if (citizen.email() != null && !EMAIL.matcher(citizen.email()).matches()) {
            p.add(new FieldProblem("email", "電子郵件格式不正確 / e-mail address is malformed"));
        }
        if (f.phone() != null && !f.phone().isBlank() && (citizen.phone() == null || citizen.phone().length() < 7
                || citizen.phone().length() > 15)) {
            p.add(new FieldProblem("phone", "電話號碼格式不正確 / phone number is malformed"));
        }
        if (citizen.idNumber() != null && !citizen.idNumber().matches("[A-Z][0-9A-Z][0-9]{8}")) {
            p.add(new FieldProblem("idNumber", "身分證字號格式不正確 / ID number is malformed"));
        }
        if (citizen.name() != null && citizen.name().length() > 100) {
            p.add(new FieldProblem("name", "姓名過長 / name is too long"));
        }
        ReplyBy replyBy = isBlank(f.replyBy()) ? (citizen.email() != null ? ReplyBy.EMAIL : citizen.phone() != null
                ? ReplyBy.PHONE : ReplyBy.NONE) : parse(ReplyBy.class, f.replyBy(), "replyBy", p);
        if (replyBy == ReplyBy.EMAIL && citizen.email() == null) {
            p.add(new FieldProblem("email", "以電子郵件回覆需填電子郵件 / an e-mail reply needs an e-mail address"));
        }
        if (replyBy == ReplyBy.PHONE && citizen.phone() == null) {
            p.add(new FieldProblem("phone", "以電話回覆需填電話 / a phone reply needs a phone number"));
        }
        if (replyBy == ReplyBy.LETTER && citizen.address() == null) {
            p.add(new FieldProblem("citizenAddress", "以書面回覆需填通訊地址 / a letter reply needs a postal address"));
        }
        CaseRow related = null;
        if (!isBlank(f.relatedCaseNo())) {
            related = store.byNo(f.relatedCaseNo().strip()).orElse(null);
            if (related == null) {
                p.add(new FieldProblem("relatedCaseNo", "沒有這個案號 / no such case"));
            }
        }
        CaseRow duplicateOf = null;
        if (!isBlank(f.duplicateOf())) {
            duplicateOf = store.byNo(f.duplicateOf().strip()).orElse(null);
            if (duplicateOf == null) {
                p.add(new FieldProblem("duplicateOf", "沒有這個案號 / no such case"));
            } else if (!duplicateOf.open()) {
                p.add(new FieldProblem("duplicateOf", "只能併入處理中的案件 / only an open case can take a duplicate"));
            }
        }
        if (!isBlank(f.reply()) && type != null && !type.code().equals("ENQUIRY")) {
            p.add(new FieldProblem("reply", "只有諮詢案件可當場答復結案 / only enquiries are closed at first contact"));
        }
        if (f.reply() != null && f.reply().length() > MAX_TEXT) {
            p.add(new FieldProblem("reply", "答復不可超過 " + MAX_TEXT + " 字 / reply is limited to " + MAX_TEXT + " characters"));
        }
        if (!isBlank(f.mediaUrl()) && (!f.mediaUrl().matches("(?i)https?://\\S+") || f.mediaUrl().length() > 500)) {
            p.add(new FieldProblem("mediaUrl", "照片網址需為 http(s) 網址 / media_url must be an http(s) URL"));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (category != null) {
            Map<String, String> given = f.attributes() == null ? Map.of() : f.attributes();
            for (Category.Attribute a : category.attributes()) {
                String value = trim(given.get(a.code()));
                if (value == null) {
                    if (a.required() && category.needsLocation() && channel == Channel.OPEN311) {
                        p.add(new FieldProblem("attribute[" + a.code() + "]", "必填 / required: " + a.description()));
                    }
                } else if (!a.allows(value)) {
                    p.add(new FieldProblem("attribute[" + a.code() + "]", "不是可選的值 / not one of the allowed values"));
                } else if (value.length() > 200) {
                    p.add(new FieldProblem("attribute[" + a.code() + "]", "過長 / too long"));
                } else {
                    attributes.put(a.code(), value);
                }
            }
            for (String key : given.keySet()) {
                if (category.attributes().stream().noneMatch(a -> a.code().equals(key))) {
                    p.add(new FieldProblem("attribute[" + key + "]", "此類別沒有這個屬性 / the service has no such attribute"));
                }
            }
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return new Validated(type, channel, category, place, citizen, replyBy, related, duplicateOf, attributes, located);
    }
}
