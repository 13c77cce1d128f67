package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where resource files live: in the database (default; every instance sees them) or in a folder (shared storage
 * for large files). A file is written in the same transaction as its row; in a folder it is first written beside
 * its final name and removed again if the transaction rolls back, so no partial or orphan file is ever served.
 */
@Component
class ResourceFiles {

    record StoredFile(long id, UUID resourceId, int version, String fileName, long size, String sha256,
                      String encoding, String sourceEncoding, Instant createdAt, String createdBy, String origin) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String storage;
    private final Path folder;

    ResourceFiles(JdbcClient jdbc, JdbcTemplate template,
                  @Value("${shizheng.opendata.storage:database}") String storage,
                  @Value("${shizheng.opendata.folder:${shizheng.data-dir:./data}/opendata}") String folder) {
        this.jdbc = jdbc;
        this.template = template;
        this.storage = storage;
        this.folder = Path.of(folder);
    }

    boolean inFolder() {
        return "folder".equalsIgnoreCase(storage);
    }

    int nextVersion(UUID resourceId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from opendata_resource_file where resource_id = ?")
                .param(resourceId).query(Integer.class).single();
    }

    /** Stores a complete file as the next version of a resource; call inside the write's transaction. */
    StoredFile store(UUID resourceId, String fileName, Path file, long size, String sha256, String encoding,
                     String sourceEncoding, String origin, String by) {
        int version = nextVersion(resourceId);
        if (inFolder()) {
            Path target = folder.resolve(resourceId.toString()).resolve(version + ".dat");
            try {
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(version + ".part");
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            try {
                                Files.deleteIfExists(target);
                            } catch (IOException ignored) {
                                // an unreferenced file is harmless; the row that would name it never committed
                            }
                        }
                    }
                });
            }
            jdbc.sql("""
                    insert into opendata_resource_file (resource_id, version, file_name, size_bytes, sha256, encoding,
                      source_encoding, path, created_by, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(resourceId, version, fileName, size, sha256, encoding, sourceEncoding, target.toString(), by,
                            origin).update();
        } else {
            template.update(con -> {
                var ps = con.prepareStatement("""
                        insert into opendata_resource_file (resource_id, version, file_name, size_bytes, sha256, encoding,
                          source_encoding, content, created_by, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                ps.setObject(1, resourceId);
                ps.setInt(2, version);
                ps.setString(3, fileName);
                ps.setLong(4, size);
                ps.setString(5, sha256);
                ps.setString(6, encoding);
                ps.setString(7, sourceEncoding);
                try {
                    ps.setBinaryStream(8, Files.newInputStream(file), size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ps.setString(9, by);
                ps.setString(10, origin);
                return ps;
            });
        }
        return latest(resourceId).orElseThrow();
    }

    Optional<StoredFile> latest(UUID resourceId) {
        return jdbc.sql("""
                select id, resource_id, version, file_name, size_bytes, sha256, encoding, source_encoding, created_at,
                  created_by, origin from opendata_resource_file where resource_id = ? order by version desc limit 1""")
                .param(resourceId).query((rs, n) -> new StoredFile(rs.getLong(1), rs.getObject(2, UUID.class),
                        rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        DatasetStore.instant(rs, "created_at"), rs.getString(10), rs.getString(11))).optional();
    }

    java.util.List<StoredFile> versions(UUID resourceId) {
        return jdbc.sql("""
                select id, resource_id, version, file_name, size_bytes, sha256, encoding, source_encoding, created_at,
                  created_by, origin from opendata_resource_file where resource_id = ? order by version desc""")
                .param(resourceId).query((rs, n) -> new StoredFile(rs.getLong(1), rs.getObject(2, UUID.class),
                        rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        DatasetStore.instant(rs, "created_at"), rs.getString(10), rs.getString(11))).list();
    }

    /** Copies a stored file version to a temporary file (the caller deletes it). */
    Path copyToTemp(StoredFile f) throws IOException {
        Path tmp = Files.createTempFile("opendata-", ".dat");
        try (InputStream in = open(f)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    InputStream open(StoredFile f) throws IOException {
        java.util.List<String> paths = jdbc.sql("select path from opendata_resource_file where id = ?").param(f.id())
                .query((rs, n) -> rs.getString(1)).list();
        String path = paths.isEmpty() ? null : paths.get(0);
        if (path != null) {
            return Files.newInputStream(Path.of(path));
        }
        byte[] bytes = jdbc.sql("select content from opendata_resource_file where id = ?").param(f.id())
                .query(byte[].class).single();
        return new java.io.ByteArrayInputStream(bytes);
    }
}
