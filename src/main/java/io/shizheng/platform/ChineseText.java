package io.shizheng.platform;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The analyser every module's full-text search uses: Lucene's smartcn, which segments Chinese words
 * (公車路線 → 公車 / 路線) and handles English too. Traditional characters are searched as written.
 */
public final class ChineseText {

    private ChineseText() {
    }

    public static Analyzer analyzer() {
        return new SmartChineseAnalyzer();
    }
}
