package io.shizheng.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.shizheng.platform.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Before an agent dispatches, the open cases that are likely the same matter: the same category within 50 m and
 * 14 days, and cases whose text is similar (Lucene with the smartcn analyser over recent open cases).
 */
@Component
class DuplicateFinder {

    private final CaseStore store;
    private final int radiusMetres;
    private final int nearbyDays;
    private final int similarDays;
    private final int candidates;

    DuplicateFinder(CaseStore store, @Value("${shizheng.cases.duplicates.radius-metres:50}") int radiusMetres,
                    @Value("${shizheng.cases.duplicates.days:14}") int nearbyDays,
                    @Value("${shizheng.cases.duplicates.text-days:30}") int similarDays,
                    @Value("${shizheng.cases.duplicates.text-candidates:3000}") int candidates) {
        this.store = store;
        this.radiusMetres = radiusMetres;
        this.nearbyDays = nearbyDays;
        this.similarDays = similarDays;
        this.candidates = candidates;
    }

    record Match(CaseRow row, String why, double metres, float score) {
    }

    /** Open cases of the category within the radius, received in the days before {@code at}, nearest first. */
    List<Match> nearby(String category, double lon, double lat, Instant at) {
        double dLat = radiusMetres / 111_320.0;
        double dLon = radiusMetres / (111_320.0 * Math.cos(Math.toRadians(lat)));
        List<CaseRow> rows = store.list("where c.status = 'OPEN' and c.category_code = ? and c.received_at >= ? "
                        + "and c.received_at <= ? and c.lat between ? and ? and c.lon between ? and ? order by c.received_at desc limit 50",
                category, Timestamp.from(at.minus(Duration.ofDays(nearbyDays))), Timestamp.from(at.plusSeconds(60)),
                lat - dLat, lat + dLat, lon - dLon, lon + dLon);
        List<Match> out = new ArrayList<>();
        for (CaseRow r : rows) {
            double m = metres(lon, lat, r.lon(), r.lat());
            if (m <= radiusMetres) {
                out.add(new Match(r, "nearby", Math.round(m * 10) / 10.0, 0));
            }
        }
        out.sort((a, b) -> Double.compare(a.metres(), b.metres()));
        return out;
    }

    /**
     * Open cases received in the last weeks whose text shares enough words with {@code text}: the candidates are
     * indexed in memory with smartcn and searched with the words of the new text (at least 40 % of them must match).
     */
    List<Match> similar(String text, String category, Instant at, int limit) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        List<CaseRow> rows = store.list("where c.status = 'OPEN' and c.received_at >= ? and c.received_at <= ? "
                        + "order by (c.category_code = ?) desc, c.received_at desc limit ?",
                Timestamp.from(at.minus(Duration.ofDays(similarDays))), Timestamp.from(at.plusSeconds(60)),
                category == null ? "" : category, candidates);
        if (rows.isEmpty()) {
            return List.of();
        }
        try (Analyzer analyzer = ChineseText.analyzer(); ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < rows.size(); i++) {
                    Document d = new Document();
                    d.add(new StoredField("i", i));
                    d.add(new TextField("text", rows.get(i).description(), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String word : words) {
                q.add(new TermQuery(new Term("text", word)), BooleanClause.Occur.SHOULD);
            }
            q.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(words.size() * 0.4)));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<Match> out = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(q.build(), limit).scoreDocs) {
                    int i = searcher.storedFields().document(sd.doc).getField("i").numericValue().intValue();
                    out.add(new Match(rows.get(i), "similar", -1, sd.score));
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct words smartcn finds in a text (punctuation and stop words dropped). */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        try (Analyzer analyzer = ChineseText.analyzer(); TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < 64) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }

    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
