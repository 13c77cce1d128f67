package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.shizheng.opendata.internal.Dataset.State;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Full-text search over the catalogue with Lucene and the smartcn analyser (so 公車 finds 公車路線), held in
 * memory by each instance: built from the database on first use, updated right after each local write commits,
 * and caught up every few seconds with what other instances changed (by modified_at).
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** What search filters, facets and sorts on, per dataset. */
    public record Doc(long id, String name, String title, long agencyId, String org, State state, boolean isPrivate,
               List<String> tags, List<String> groups, Set<String> formats, String quality, String license,
               Instant modified, Instant created, long downloads) {

        public boolean publiclyVisible() {
            return state == State.published && !isPrivate;
        }
    }

    /** A hit: the dataset and its relevance (1 when no text was searched). */
    record Hit(Doc doc, float score) {
    }

    private final DatasetStore store;
    private final AgencyDirectory agencies;
    private final Analyzer analyzer = ChineseText.analyzer();
    private final Map<Long, Doc> docs = new ConcurrentHashMap<>();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile Instant syncedUpTo = Instant.EPOCH;

    SearchIndex(DatasetStore store, AgencyDirectory agencies) {
        this.store = store;
        this.agencies = agencies;
    }

    private synchronized void ensureOpen() {
        if (writer != null) {
            return;
        }
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catchUp();
    }

    /** Re-reads every dataset changed since the last sync, including those other instances wrote. */
    synchronized void catchUp() {
        if (writer == null) {
            ensureOpen();
            return;
        }
        Instant start = Instant.now();
        // A little overlap: a transaction may commit with a modified_at slightly before our last sync.
        List<Dataset> changed = store.modifiedSince(syncedUpTo.minusSeconds(60));
        put(changed);
        syncedUpTo = start;
        if (changed.size() > 100) {
            log.info("Open-data search index: {} datasets indexed", docs.size());
        }
    }

    @Scheduled(fixedDelayString = "${shizheng.opendata.index-refresh-ms:10000}", initialDelay = 10000)
    void refresh() {
        if (writer != null) {
            catchUp();
        }
    }

    /** Reindexes the dataset once the current transaction commits (at once when there is none). */
    void afterCommit(long datasetId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reindex(datasetId);
                }
            });
        } else {
            reindex(datasetId);
        }
    }

    void reindex(long datasetId) {
        if (writer == null) {
            ensureOpen();
            return;
        }
        store.find(datasetId).ifPresentOrElse(d -> put(List.of(d)), () -> remove(datasetId));
    }

    /** Forgets everything and reads the catalogue again (after bulk loads such as demo data). */
    synchronized void rebuild() {
        ensureOpen();
        try {
            writer.deleteAll();
            docs.clear();
            syncedUpTo = Instant.EPOCH;
            catchUp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void put(Collection<Dataset> datasets) {
        if (datasets.isEmpty()) {
            return;
        }
        Map<Long, String> orgNames = new HashMap<>();
        Map<Long, String> orgCodes = new HashMap<>();
        for (Agency a : agencies.all()) {
            orgNames.put(a.id(), a.name() + " " + (a.nameEn() == null ? "" : a.nameEn()) + " " + a.code());
            orgCodes.put(a.id(), Catalog.orgName(a));
        }
        try {
            for (Dataset d : datasets) {
                Document doc = new Document();
                doc.add(new LongPoint("id", d.id()));
                doc.add(new NumericDocValuesField("id", d.id()));
                doc.add(new TextField("title", d.title(), Field.Store.NO));
                StringBuilder text = new StringBuilder();
                text.append(d.name().replace('-', ' ').replace('_', ' ')).append('\n')
                        .append(nz(d.notes())).append('\n').append(String.join(" ", d.tags())).append('\n')
                        .append(nz(d.category())).append('\n').append(nz(d.fieldsDesc())).append('\n')
                        .append(orgNames.getOrDefault(d.agencyId(), "")).append('\n');
                d.resources().forEach(r -> text.append(r.name()).append(' ').append(nz(r.description())).append('\n'));
                doc.add(new TextField("text", text.toString(), Field.Store.NO));
                writer.updateDocuments(LongPoint.newExactQuery("id", d.id()), List.of(doc));
                Set<String> formats = new LinkedHashSet<>();
                d.resources().forEach(r -> {
                    if (r.format() != null) {
                        formats.add(r.format().toUpperCase());
                    }
                });
                String org = orgCodes.getOrDefault(d.agencyId(), String.valueOf(d.agencyId()));
                docs.put(d.id(), new Doc(d.id(), d.name(), d.title(), d.agencyId(), org, d.state(), d.isPrivate(),
                        d.tags(), d.groups(), formats, d.qualityLevel(), d.license(), d.modifiedAt(), d.createdAt(),
                        d.downloadCount()));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void remove(long id) {
        try {
            writer.deleteDocuments(LongPoint.newExactQuery("id", id));
            writer.commit();
            searchers.maybeRefreshBlocking();
            docs.remove(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<Doc> docs() {
        ensureOpen();
        return docs.values();
    }

    /** Every dataset matching the text (all when blank), with its score. */
    List<Hit> match(String text) {
        ensureOpen();
        if (text == null || text.isBlank()) {
            List<Hit> all = new ArrayList<>(docs.size());
            docs.values().forEach(d -> all.add(new Hit(d, 1f)));
            return all;
        }
        Query query = parse(text);
        List<Hit> hits = new ArrayList<>();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            searcher.search(query, new SimpleCollector() {
                private NumericDocValues ids;
                private Scorable scorer;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ids = context.reader().getNumericDocValues("id");
                }

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (ids != null && ids.advanceExact(doc)) {
                        Doc d = docs.get(ids.longValue());
                        if (d != null) {
                            hits.add(new Hit(d, scorer.score()));
                        }
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("could not release searcher", e);
            }
        }
        return hits;
    }

    Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"title", "text"}, analyzer,
                Map.of("title", 3f, "text", 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        // smartcn's dictionary is Simplified: Traditional text comes out one character per token, so a word
        // typed as one chunk (公車) must match its characters side by side, as a phrase (公車路線, not 公共自行車).
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException e2) {
                throw new IllegalArgumentException("q: " + e2.getMessage());
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
