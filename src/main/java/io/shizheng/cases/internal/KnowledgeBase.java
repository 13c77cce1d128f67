package io.shizheng.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.ChineseText;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 1999 agents' knowledge base: answers kept by each agency, searched in Chinese with smartcn. The index is
 * rebuilt from the table when it changed (any instance notices by the newest update time), so N instances agree.
 */
@Component
class KnowledgeBase {

    record Faq(long id, long agencyId, String agencyName, String question, String answer, String keywords,
               Instant updatedAt, String updatedBy, boolean demo) {
    }

    private record Index(String version, ByteBuffersDirectory dir, List<Faq> faqs) {
    }

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Index index;

    KnowledgeBase(JdbcClient jdbc, AgencyDirectory agencies, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    List<Faq> all(Long agencyId) {
        return jdbc.sql("select * from cases_faq where (cast(? as bigint) is null or agency_id = ?) order by agency_id, id")
                .params(agencyId, agencyId).query((rs, n) -> new Faq(rs.getLong("id"), rs.getLong("agency_id"),
                        agencies.find(rs.getLong("agency_id")).map(a -> a.name()).orElse(""), rs.getString("question"),
                        rs.getString("answer"), rs.getString("keywords"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by"), rs.getBoolean("demo"))).list();
    }

    Faq get(long id) {
        return all(null).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("沒有這則問答 / no such answer"));
    }

    List<Faq> search(String query, int limit) {
        List<String> words = DuplicateFinder.words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        Index ix = current();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : words) {
            q.add(new BoostQuery(new TermQuery(new Term("question", w)), 2f), BooleanClause.Occur.SHOULD);
            q.add(new BoostQuery(new TermQuery(new Term("keywords", w)), 2f), BooleanClause.Occur.SHOULD);
            q.add(new TermQuery(new Term("answer", w)), BooleanClause.Occur.SHOULD);
        }
        try (DirectoryReader reader = DirectoryReader.open(ix.dir())) {
            IndexSearcher s = new IndexSearcher(reader);
            List<Faq> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(q.build(), limit).scoreDocs) {
                out.add(ix.faqs().get(s.storedFields().document(sd.doc).getField("i").numericValue().intValue()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Index current() {
        String version = jdbc.sql("select count(*) || '-' || coalesce(max(updated_at)::text, '') || '-' || coalesce(max(id), 0) from cases_faq")
                .query(String.class).single();
        Index ix = index;
        if (ix != null && ix.version().equals(version)) {
            return ix;
        }
        List<Faq> faqs = all(null);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (Analyzer analyzer = ChineseText.analyzer(); IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < faqs.size(); i++) {
                Faq f = faqs.get(i);
                Document d = new Document();
                d.add(new StoredField("i", i));
                d.add(new TextField("question", f.question(), Field.Store.NO));
                d.add(new TextField("answer", f.answer(), Field.Store.NO));
                d.add(new TextField("keywords", f.keywords() + " " + f.agencyName(), Field.Store.NO));
                w.addDocument(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ix = new Index(version, dir, faqs);
        index = ix;
        return ix;
    }

    /** Agencies keep their own answers; RDEC and administrators keep any. */
    @Transactional
    Faq save(Long id, Long agencyId, String question, String answer, String keywords) {
        ShizhengUser u = CurrentUser.require();
        List<FieldProblem> p = new ArrayList<>();
        if (question == null || question.isBlank() || question.length() > 300) {
            p.add(new FieldProblem("question", "請填問題（300 字內）/ question is required (up to 300 characters)"));
        }
        if (answer == null || answer.isBlank() || answer.length() > 4000) {
            p.add(new FieldProblem("answer", "請填答案（4000 字內）/ answer is required (up to 4000 characters)"));
        }
        if (keywords != null && keywords.length() > 300) {
            p.add(new FieldProblem("keywords", "關鍵字過長 / keywords are too long"));
        }
        Long agency = agencyId != null ? agencyId : u.agencyId();
        if (agency == null || agencies.find(agency).isEmpty()) {
            p.add(new FieldProblem("agencyId", "請選擇機關 / choose the agency"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        if (!agencies.covers(u, agency) || !(u.cityWide() || u.has(io.shizheng.platform.Role.AGENCY_OFFICER))) {
            throw new ForbiddenException("只能維護本機關的問答 / you keep only your agency's answers");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String kw = keywords == null ? "" : keywords.strip();
        long saved;
        if (id == null) {
            saved = jdbc.sql("insert into cases_faq (agency_id, question, answer, keywords, updated_at, updated_by) values (?,?,?,?,?,?) returning id")
                    .params(agency, question.strip(), answer.strip(), kw, now, u.getUsername()).query(Long.class).single();
            audit.record("cases.faq", saved, AuditAction.CREATE, null, Map.of("question", question.strip()));
        } else {
            Faq before = get(id);
            if (!agencies.covers(u, before.agencyId())) {
                throw new ForbiddenException("只能維護本機關的問答 / you keep only your agency's answers");
            }
            jdbc.sql("update cases_faq set agency_id = ?, question = ?, answer = ?, keywords = ?, updated_at = ?, updated_by = ?, demo = false where id = ?")
                    .params(agency, question.strip(), answer.strip(), kw, now, u.getUsername(), id).update();
            audit.record("cases.faq", id, AuditAction.UPDATE, Map.of("question", before.question(), "answer", before.answer()),
                    Map.of("question", question.strip(), "answer", answer.strip()));
            saved = id;
        }
        return get(saved);
    }
}
