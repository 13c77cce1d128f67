package io.shizheng.opendata.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The licences a dataset may carry; the default is Taiwan's Open Government Data License, version 1.0. */
public final class Licenses {

    static final String DEFAULT = "gov-tw-1.0";

    public record License(String id, String title, String url) {
    }

    public static final Map<String, License> ALL = new LinkedHashMap<>();

    static {
        add(new License(DEFAULT, "政府資料開放授權條款-第1版 / Open Government Data License, version 1.0",
                "https://data.gov.tw/license"));
        add(new License("cc-by-4.0", "創用CC 姓名標示 4.0 / Creative Commons Attribution 4.0",
                "https://creativecommons.org/licenses/by/4.0/"));
        add(new License("cc-zero", "CC0 公眾領域貢獻宣告 / CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"));
        add(new License("other-closed", "其他（非開放）/ Other (not open)", null));
    }

    private static void add(License l) {
        ALL.put(l.id(), l);
    }

    static License of(String id) {
        License l = ALL.get(id);
        return l == null ? new License(id, id, null) : l;
    }

    private Licenses() {
    }
}
