package io.shizheng.cases.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.shizheng.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Photos of city reports: only real JPEG, PNG, GIF or WebP images (by their bytes, not their name), up to a size. */
@Component
class Photos {

    private final JdbcClient jdbc;
    private final long maxBytes;

    Photos(JdbcClient jdbc, @Value("${shizheng.cases.photo-max-bytes:1048576}") long maxBytes) {
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
    }

    record Photo(long id, String contentType) {
    }

    /** The image type the bytes say, or null when they are not an image we accept. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    String check(MultipartFile file) {
        if (file.getSize() > maxBytes) {
            throw new InvalidInputException("photo", "照片超過 " + (maxBytes / 1024) + " KB / the photo is larger than " + (maxBytes / 1024) + " KB");
        }
        try {
            String type = sniff(file.getBytes());
            if (type == null) {
                throw new InvalidInputException("photo", "檔案不是 JPEG、PNG、GIF 或 WebP 圖片 / the file is not a JPEG, PNG, GIF or WebP image");
            }
            return type;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void store(long caseId, MultipartFile file) {
        String type = check(file);
        try {
            jdbc.sql("insert into cases_photo (case_id, content_type, bytes) values (?,?,?)").params(caseId, type, file.getBytes()).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Photo> list(String caseNo) {
        return jdbc.sql("select p.id, p.content_type from cases_photo p join cases_case c on c.id = p.case_id where c.case_no = ? order by p.id")
                .param(caseNo).query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2))).list();
    }

    byte[] bytes(String caseNo, long id) {
        return jdbc.sql("select p.bytes from cases_photo p join cases_case c on c.id = p.case_id where c.case_no = ? and p.id = ?")
                .params(caseNo, id).query(byte[].class).optional()
                .orElseThrow(() -> new io.shizheng.platform.NotFoundException("沒有這張照片 / no such photo"));
    }
}
