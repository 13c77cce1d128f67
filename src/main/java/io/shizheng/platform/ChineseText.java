package io.shizheng.platform;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The analyser every module's full-text search uses: Lucene's smartcn. Its dictionary is Simplified Chinese,
 * so Traditional text comes out one token per character; search multi-character words as phrases (公車 then
 * matches 公車路線 but not 公共自行車). English is stemmed as usual.
 */
public final class ChineseText {

    private ChineseText() {
    }

    public static Analyzer analyzer() {
        return new SmartChineseAnalyzer();
    }
}
