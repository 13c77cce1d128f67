package io.shizheng.routes;

import java.util.Base64;

import io.shizheng.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The few items the demo data does not generate but routes serve: photos of a case, a report and a site visit
 * (the Construction Bureau's), and an API token of {@code officer}. Added once, beside the demo data.
 */
final class RouteFixtures {

    /** A 1×1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static boolean added;

    private RouteFixtures() {
    }

    static synchronized void ensure(JdbcClient jdbc, int port) {
        if (added) {
            return;
        }
        String constAgency = "(select id from org_agency where code = 'CONST')";
        // a photo of the very case DemoItems asks about, whatever other tests attached elsewhere
        jdbc.sql("insert into cases_photo (case_id, content_type, bytes) select c.id, 'image/png', ? from cases_case c "
                + "where c.case_no = (" + DemoItems.CASE + ") and not exists (select 1 from cases_photo p where p.case_id = c.id)")
                .param(PNG).update();
        if (count(jdbc, "projects_report_photo") == 0) {
            jdbc.sql("insert into projects_report_photo (report_id, name, content_type, bytes) select r.id, 'site.png', 'image/png', ? "
                    + "from projects_report r join projects_project p on p.id = r.project_id where p.agency_id = " + constAgency
                    + " order by r.id limit 1").param(PNG).update();
        }
        if (count(jdbc, "projects_visit_photo") == 0) {
            jdbc.sql("insert into projects_visit_photo (visit_id, name, content_type, bytes) select id, 'visit.png', 'image/png', ? "
                    + "from projects_site_visit where status = 'PUBLISHED' order by id limit 1").param(PNG).update();
        }
        Long tokens = jdbc.sql("select count(*) from org_api_token t join org_user u on u.id = t.user_id "
                + "where u.username = 'officer' and not t.revoked").query(Long.class).single();
        if (tokens == 0) {
            var r = Http.as(port, "officer").post("/api/account/tokens", "{\"name\":\"route tests\"}");
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("could not create officer's API token: " + r.statusCode() + " " + r.body());
            }
        }
        added = true;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
