package io.shizheng.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated demo data that a module seeds in demo mode, once per database: the platform's seeder checks the
 * mode, opens a transaction, takes an advisory lock named after {@link #name()} (so that instances starting
 * together seed once), skips what is {@link #seeded} and logs "Seeded …" under the module's class, in the order
 * of {@link #order()} and then of name. The data is deterministic (a fixed random seed) and flagged demo.
 */
public interface DemoData {

    /** Comes first: demo data others build on (the plan's scorecard values). */
    int FIRST = 20;
    /** The modules' operational demo data. */
    int OPERATIONAL = 30;

    /** The module's name ("callcenter", from the package io.shizheng.callcenter...); the lock is "&lt;name&gt;.demo". */
    default String name() {
        String[] parts = org.springframework.util.ClassUtils.getUserClass(this).getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : parts[parts.length - 1];
    }

    /** The module's table whose rows flagged demo show that the data is there ("callcenter_import"). */
    String seededTable();

    /** Where it runs among the demo data; ties go by name. */
    default int order() {
        return OPERATIONAL;
    }

    /** What demo mode needs on every start, seeded or not (a demo API key); runs under the lock, before the check. */
    default void ensure() {
    }

    /** Whether the data is already there (demo rows in {@link #seededTable()}), or there is nothing to seed it on. */
    default boolean seeded(JdbcClient jdbc) {
        return jdbc.sql("select exists (select 1 from " + seededTable() + " where demo)").query(Boolean.class).single();
    }

    /** Seeds in the seeder's transaction; returns what, for the log line ("300 demo projects with …"). */
    String seed();

    /** After the transaction, seeded now or before (an index rebuilt from the tables). */
    default void afterwards() {
    }

    /**
     * A table of demo data shipped as {@code src/main/resources/demo/<file>}: UTF-8 CSV, a header row naming the
     * columns (read with {@link CsvSource.Row#get(String)}), blank lines skipped.
     */
    static List<CsvSource.Row> table(String file) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("demo table missing from the classpath: demo/" + file);
            }
            CsvSource csv = CsvSource.utf8(in);
            csv.header();
            List<CsvSource.Row> rows = new ArrayList<>();
            for (CsvSource.Row r : csv) {
                if (!r.blank()) {
                    rows.add(r);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One column of a demo table, in its order. */
    static String[] column(String file, String column) {
        return table(file).stream().map(r -> r.get(column)).toArray(String[]::new);
    }
}
