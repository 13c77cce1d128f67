package io.shizheng.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server (the one CI's second half points SPRING_DATASOURCE_URL at, or the embedded one) for tests
 * that need databases of their own on it: fresh ones, made like .ci/run makes the suite's (C locale, Taipei time).
 */
public record ServerDatabase(String host, int port, String user, String password) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    /** The server of SPRING_DATASOURCE_URL, when it is set. */
    public static Optional<ServerDatabase> fromEnvironment() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(of(url, System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "")));
    }

    /** The server a JDBC URL points at (the embedded one's too). */
    public static ServerDatabase of(String jdbcUrl, String user, String password) {
        Matcher m = matcher(jdbcUrl);
        return new ServerDatabase(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), user,
                password == null ? "" : password);
    }

    /** The database a JDBC URL names. */
    public static String databaseOf(String jdbcUrl) {
        return matcher(jdbcUrl).group(3);
    }

    private static Matcher matcher(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return m;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** What a child application needs in its environment to use this database. */
    public Map<String, String> environment(String database) {
        return Map.of("SPRING_DATASOURCE_URL", jdbcUrl(database), "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Drops the database if it exists and makes it anew, empty. */
    public void recreate(String database) throws SQLException {
        drop(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            s.execute("ALTER DATABASE " + database + " SET timezone TO 'Asia/Taipei'");
        }
    }

    public void drop(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
