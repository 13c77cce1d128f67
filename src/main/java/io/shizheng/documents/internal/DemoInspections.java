package io.shizheng.documents.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo 2018 inspection visits: twelve agencies, sampled documents with scores, findings in every state. */
@Component
class DemoInspections {

    private static final String[] FINDINGS = {
            "（示範）受文者與副本收受者欄位未依規定標示", "（示範）主旨未能簡明敘述目的與期望", "（示範）引用法規條次不正確",
            "（示範）文內用語冗贅，未使用簡淺明確之語詞", "（示範）逾限未辦理展期", "（示範）檔號及保存年限未填或錯誤"};
    private static final String[] CATEGORIES = {"FORMAT", "WORDING", "WORDING", "WORDING", "TIMELINESS", "CLASSIFICATION"};

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;

    DemoInspections(JdbcClient jdbc, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    int seed() {
        Random random = new Random(1071);
        List<Agency> targets = agencies.firstLevel().stream().filter(a -> !a.code().equals("RDEC")).limit(12).toList();
        int visits = 0;
        for (int k = 0; k < targets.size(); k++) {
            Agency a = targets.get(k);
            LocalDate visit = LocalDate.of(2018, 3 + (k * 9) / targets.size(), 6 + random.nextInt(18));
            while (visit.getDayOfWeek().getValue() > 5) {
                visit = visit.plusDays(1);
            }
            long id = jdbc.sql("""
                    insert into documents_inspection (agency_id, visit_on, inspectors, note, created_by, demo)
                    values (?, ?, '研考會公文檢核小組（示範）', '（示範）年度公文品質檢核', 'rdec', true) returning id""")
                    .params(a.id(), visit).query(Long.class).single();
            Long[] ids = agencies.subtree(a.id()).stream().map(Agency::id).toArray(Long[]::new);
            List<Long> samples = jdbc.sql("""
                    select id from documents_document where agency_id = any (?) and closed_on between ? and ?
                    order by doc_no limit 10""").params(ids, visit.minusMonths(3), visit).query(Long.class).list();
            for (long doc : samples) {
                int f = 18 + random.nextInt(8), w = 17 + random.nextInt(9), t = 19 + random.nextInt(7), c = 18 + random.nextInt(8);
                long sampleId = jdbc.sql("""
                        insert into documents_inspection_sample (inspection_id, document_id, format_score, wording_score,
                          timeliness_score, classification_score) values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(id, doc, Math.min(f, 25), Math.min(w, 25), Math.min(t, 25), Math.min(c, 25)).query(Long.class).single();
                if (random.nextInt(100) < 30) {
                    int which = random.nextInt(FINDINGS.length);
                    int state = k < 8 ? 2 : k < 10 ? 1 : 0;
                    jdbc.sql("""
                            insert into documents_finding (inspection_id, sample_id, category, description, due_on, status,
                              response, responded_by, responded_at, closed_by, closed_at, demo)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
                            .params(id, sampleId, CATEGORIES[which], FINDINGS[which], visit.plusDays(30),
                                    state == 2 ? "CLOSED" : state == 1 ? "RESPONDED" : "OPEN",
                                    state >= 1 ? "（示範）已於科務會議宣導並修正範本" : null,
                                    state >= 1 ? "officer." + a.code().toLowerCase() : null,
                                    state >= 1 ? java.sql.Timestamp.valueOf(visit.plusDays(20).atTime(10, 0)) : null,
                                    state == 2 ? "rdec" : null,
                                    state == 2 ? java.sql.Timestamp.valueOf(visit.plusDays(28).atTime(15, 0)) : null)
                            .update();
                }
            }
            visits++;
        }
        return visits;
    }
}
