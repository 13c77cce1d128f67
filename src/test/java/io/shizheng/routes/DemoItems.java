package io.shizheng.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the path variables of a route with real items of the demo data, preferring items of the Construction
 * Bureau (建設局 CONST, the agency of {@code officer}) and never items of the Social Affairs Bureau (the agency of
 * {@code officer.social}), so the same URL is the owner's item for one officer and a foreign item for the other.
 * A variable no rule knows is reported, so that a new route is filled here or listed with a reason.
 */
final class DemoItems {

    /** Foreign to officer.social: any agency but SOCIAL, the Construction Bureau first. */
    private static final String NOT_SOCIAL = " <> (select id from org_agency where code = 'SOCIAL')";
    private static final String CONST_FIRST = " = (select id from org_agency where code = 'CONST') desc";

    /** The case every case route is asked about: the Construction Bureau's first with a public token. */
    static final String CASE = "select case_no from cases_case where agency_id" + NOT_SOCIAL
            + " and token is not null order by agency_id" + CONST_FIRST + ", id limit 1";

    /** Rules: a regular expression over the route's template up to and including the variable, and a value. */
    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        // literal values: the demo plan year, formats, actions
        rule("(/api)?/plans?/{year}", "'2018'");
        rule("/api/calendar/{year}", "'2018'");
        rule("/api/servicequality/rubrics/{year}", "(select max(year)::text from servicequality_rubric)");
        rule("/open311/v2/.*\\.{format}", "'json'");
        rule("/api(/3)?/action/{action}", "'package_show'");
        rule("/cases/{caseNo}/{action}", "'close'");
        rule("/cases/status/{action}", "'rate'");
        rule("/api/calendar/days/{day}", "(select max(day)::text from platform_calendar_day)");

        // org
        rule("(/api|/org)/agencies/{id}", "(select id::text from org_agency where code = 'CONST')");
        rule("/admin/users/{id}", "(select id::text from org_user where username = 'officer')");
        rule("/api/districts/{code}", "(select code from org_district order by code limit 1)");
        rule("/api/geo/districts/{code}", "(select code from org_district order by code limit 1)");
        rule("(/api)?/account/tokens/{id}", "select t.id::text from org_api_token t join org_user u on u.id = t.user_id "
                + "where u.username = 'officer' and not t.revoked order by t.id desc limit 1");

        // plan
        rule("(/api/plans|/plan)/{year}/indicators/{code}", "select i.code from plan_indicator i join plan_plan p on p.id = i.plan_id "
                + "where p.year = 2018 and coalesce(i.owner_agency_id, 0)" + NOT_SOCIAL
                + " order by i.owner_agency_id" + CONST_FIRST + ", i.sort limit 1");
        rule("(/api/plans|/plan)/values/{id}", "select id::text from plan_manual_value where agency_id" + NOT_SOCIAL
                + " order by attachment is not null desc, status = 'SUBMITTED' desc, id limit 1");
        rule("/plan/metrics/{name}", "select metric_name from plan_metric_binding order by metric_name limit 1");

        // projects
        rule("(/api)?/projects/{id}", "select id::text from projects_project where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("(/api)?/projects/reports/{(id|reportId)}", "select r.id::text from projects_report r join projects_project p "
                + "on p.id = r.project_id where p.agency_id" + NOT_SOCIAL + " order by p.agency_id" + CONST_FIRST
                + ", r.status = 'SUBMITTED' desc, r.id desc limit 1");
        rule("/projects/photos/{id}", "select ph.id::text from projects_report_photo ph join projects_report r on r.id = ph.report_id "
                + "join projects_project p on p.id = r.project_id where p.agency_id" + NOT_SOCIAL + " order by ph.id limit 1");
        rule("(/api|/projects)/meetings/{id}", "select id::text from projects_meeting order by id limit 1");
        rule("(/api|/projects)/resolutions/{id}", "select id::text from projects_resolution where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("(/api|/projects)/visits/{id}", "select v.id::text from projects_site_visit v join projects_project p on p.id = v.project_id "
                + "where p.agency_id" + NOT_SOCIAL + " order by p.agency_id" + CONST_FIRST + ", v.id limit 1");
        rule("/projects/visits(/public)?/photos/{id}", "select id::text from projects_visit_photo order by id limit 1");
        rule("(/api|/projects)/improvements/{id}", "select i.id::text from projects_improvement i join projects_site_visit v "
                + "on v.id = i.visit_id join projects_project p on p.id = v.project_id where p.agency_id" + NOT_SOCIAL
                + " order by p.agency_id" + CONST_FIRST + ", i.id limit 1");

        // cases
        rule("(/api)?/cases(/public)?/{caseNo}", CASE);
        rule("/api/cases/{caseNo}/photos/{id}", "select ph.id::text from cases_photo ph join cases_case c on c.id = ph.case_id "
                + "where c.case_no = :caseNo order by ph.id limit 1");
        rule("/api/cases/callers/{phone}", "select z.phone from cases_case c join cases_citizen z on z.id = c.citizen_id "
                + "where c.agency_id" + NOT_SOCIAL + " and z.phone is not null order by c.agency_id" + CONST_FIRST + ", c.id limit 1");
        rule("/api/cases/faq/{id}", "select id::text from cases_faq where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("/api/cases/types/{code}", "select code from cases_type order by sort limit 1");
        rule("/cases/catalogue/types/{code}", "select code from cases_type order by sort limit 1");
        rule("(/api/cases|/cases/catalogue)/categories/{code}", "select code from cases_category order by sort limit 1");
        rule("/api/cases/open311-keys/{id}", "select id::text from cases_api_key order by id limit 1");
        rule("/open311/v2/requests/{id}", "select case_no from cases_case where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("/open311/v2/services/{code}", "select code from cases_category order by code limit 1");
        rule("/open311/v2/tokens/{token}", "select token from cases_case where token is not null and agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");

        // callcenter
        rule("/api/callcenter/imports/{id}", "select id::text from callcenter_import order by id limit 1");

        // documents
        rule("(/api)?/documents/{id}", "select id::text from documents_document where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("(/api)?/documents/inspections/{id}", "select i.id::text from documents_inspection i where i.agency_id" + NOT_SOCIAL
                + " order by i.agency_id" + CONST_FIRST + ", exists (select 1 from documents_finding f where f.inspection_id = i.id) desc,"
                + " i.id limit 1");
        rule("/documents/inspections/{id}/samples/{sampleId}", "select id::text from documents_inspection_sample "
                + "where inspection_id = :id::bigint order by id limit 1");
        rule("/documents/inspections/{id}/findings/{findingId}", "select id::text from documents_finding "
                + "where inspection_id = :id::bigint order by id limit 1");
        rule("/api/documents/inspections/samples/{sampleId}", "select s.id::text from documents_inspection_sample s "
                + "join documents_inspection i on i.id = s.inspection_id where i.agency_id" + NOT_SOCIAL
                + " order by i.agency_id" + CONST_FIRST + ", s.id limit 1");
        rule("/api/documents/inspections/findings/{findingId}", "select f.id::text from documents_finding f "
                + "join documents_inspection i on i.id = f.inspection_id where i.agency_id" + NOT_SOCIAL
                + " order by i.agency_id" + CONST_FIRST + ", f.id limit 1");

        // servicequality
        rule("(/api/servicequality|/servicequality/tests)/calls/{id}", "select id::text from servicequality_call where agency_id"
                + NOT_SOCIAL + " order by agency_id" + CONST_FIRST + ", called_at is null desc, id limit 1");
        rule("(/api/servicequality|/servicequality/tests)/rounds/{id}", "select id::text from servicequality_round order by id limit 1");
        rule("(/api)?/servicequality/notices/{id}", "select id::text from servicequality_notice where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("(/api)?/servicequality(/award/candidates|/award)/{id}", "select id::text from servicequality_award_candidate "
                + "where agency_id" + NOT_SOCIAL + " order by agency_id" + CONST_FIRST + ", id limit 1");
        rule("(/api)?/servicequality/training/sessions/{id}", "select id::text from servicequality_session order by id limit 1");
        rule("/verify/certificate/{code}", "select code from servicequality_certificate where revoked_at is null "
                + "order by id limit 1");
        rule("(/api)?/servicequality/training/registrations/{id}", "select id::text from servicequality_registration where agency_id"
                + NOT_SOCIAL + " order by agency_id" + CONST_FIRST + ", attended_at is not null desc, id limit 1");

        // opendata
        rule("(/api)?/opendata/datasets/{name}", "select name from opendata_dataset where agency_id" + NOT_SOCIAL
                + " order by agency_id" + CONST_FIRST + ", state = 'PUBLISHED' desc, private, id limit 1");
        rule("(/api)?/opendata/resources/{id}", "select r.id::text from opendata_resource r join opendata_dataset d on d.id = r.dataset_id "
                + "where d.agency_id" + NOT_SOCIAL + " order by d.agency_id" + CONST_FIRST + ", d.state = 'PUBLISHED' desc, d.private, "
                + "r.position limit 1");
        rule("/opendata/organizations/{name}", "select lower(code) from org_agency where code = 'CONST'");

        // exchange
        rule("(/api/exchange|/exchange|/exchange/v1)/datasets/{code}", "select code from exchange_dataset where owner_agency_id"
                + NOT_SOCIAL + " order by owner_agency_id" + CONST_FIRST + ", status = 'PUBLISHED' desc, id limit 1");
        rule("/api/exchange/standards/{code}", "select code from exchange_standard order by id limit 1");
        rule("/api/exchange/standards/{code}/{version}", "select version::text from exchange_standard where code = :code "
                + "order by id limit 1");
        rule("/api/exchange/datasets/{code}/grants/{consumerId}", "select id::text from exchange_consumer order by id limit 1");
        rule("/api/exchange/consumers/{id}", "select id::text from exchange_consumer order by id limit 1");
        rule("/api/exchange/keys/{id}", "select id::text from exchange_key where not revoked order by id limit 1");

        // spatial
        rule("/api/spatial/dems/{id}", "select id::text from spatial_dem where demo order by id limit 1");
    }

    private final JdbcClient jdbc;
    private final Map<String, Optional<String>> cache = new HashMap<>();

    DemoItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A URL for the route, or the reason none could be made. */
    Filled fill(Route route) {
        if (route.write() && route.template().matches("/api(/3)?/action/\\{action}")) {
            // the CKAN action API reads by GET and POST alike: a write is an update of a dataset
            return new Filled(route, route.template().replace("{action}", "package_patch"), null);
        }
        String template = route.template();
        Map<String, Object> values = new HashMap<>();
        StringBuilder url = new StringBuilder();
        int from = 0;
        for (String name : route.variables()) {
            int at = template.indexOf("{" + name + "}", from);
            String prefix = template.substring(0, at + name.length() + 2);
            String sql = sqlFor(prefix);
            if (sql == null) {
                return Filled.none(route, "no rule in DemoItems fills {" + name + "} of " + prefix);
            }
            Optional<String> value = value(prefix, sql, values);
            if (value.isEmpty()) {
                return Filled.none(route, "the demo data has no item for {" + name + "} of " + prefix + " (" + sql + ")");
            }
            values.put(name, value.get());
            url.append(template, from, at).append(value.get());
            from = at + name.length() + 2;
        }
        url.append(template.substring(from));
        return new Filled(route, url.toString(), null);
    }

    /** Forgets looked-up values (after fixtures were added). */
    void forget() {
        cache.clear();
    }

    private Optional<String> value(String prefix, String sql, Map<String, Object> earlier) {
        if (sql.startsWith("'")) {
            return Optional.of(sql.substring(1, sql.length() - 1));
        }
        String query = sql.startsWith("(") ? "select " + sql : sql;
        String key = prefix + " " + earlier;
        return cache.computeIfAbsent(key, k -> jdbc.sql(query).params(earlier).query(String.class).optional());
    }

    private static String sqlFor(String prefix) {
        for (Map.Entry<String, String> rule : RULES.entrySet()) {
            if (Pattern.matches(rule.getKey(), prefix)) {
                return rule.getValue();
            }
        }
        return null;
    }

    private static void rule(String prefix, String sql) {
        // the braces of path variables are literal; the rest of the key is a regular expression
        RULES.put(prefix.replace("{", "\\{").replace("}", "\\}"), sql);
    }

    /** The URL made for a route, or why none could be made. */
    record Filled(Route route, String url, String missing) {

        static Filled none(Route route, String why) {
            return new Filled(route, null, why);
        }

        boolean ok() {
            return url != null;
        }
    }

    static List<String> ruleKeys() {
        return new ArrayList<>(RULES.keySet());
    }
}
