package io.shizheng.platform;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font that every PDF of the platform embeds (exports, letters, certificates). None is shipped:
 * {@code shizheng.pdf-font} (a .ttf/.otf, or a .ttc with ",index"), else Noto Sans CJK TC where Debian's
 * fonts-noto-cjk puts it. Without one, PDF is refused with a clear message (a 422, never a 500).
 */
@Component
public class CjkFont {

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,3",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,3",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,3");

    private final String configured;
    private volatile BaseFont font;

    public CjkFont(@Value("${shizheng.pdf-font:${shizheng.projects.pdf-font:}}") String configured) {
        this.configured = configured;
    }

    /** Whether a CJK font is there to embed. */
    public boolean available() {
        return spec() != null;
    }

    private String spec() {
        List<String> specs = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            specs.add(configured.trim());
        }
        specs.addAll(CANDIDATES);
        for (String spec : specs) {
            String path = spec.contains(",") ? spec.substring(0, spec.lastIndexOf(',')) : spec;
            if (new File(path).canRead()) {
                return spec;
            }
        }
        return null;
    }

    /** The font, embedded (Identity-H, subset): a PDF made with it prints the same everywhere. */
    public BaseFont font() {
        if (font == null) {
            String spec = spec();
            if (spec == null) {
                throw new InvalidInputException("format", "本機沒有中文字型，無法產生 PDF，請改用 ODS/ODT（安裝 fonts-noto-cjk 或設定 "
                        + "shizheng.pdf-font）/ no CJK font on this server: use ODS/ODT, or install fonts-noto-cjk");
            }
            try {
                font = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new InvalidInputException("format", "無法載入中文字型 " + spec + " / cannot load the CJK font");
            }
        }
        return font;
    }
}
