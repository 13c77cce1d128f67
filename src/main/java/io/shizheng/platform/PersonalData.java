package io.shizheng.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Personal data that citizens type into free text — Taiwanese ID and resident certificate numbers (checksum
 * verified), phone numbers (libphonenumber, Taiwan's numbering plan, with extensions), e-mail addresses, the door
 * number of a street address, and the citizen's own name where it is known — found and masked for public output.
 * Whoever handles the case reads the original; every public page and API of free text shows it through here.
 */
public final class PersonalData {

    /** Letters of an ID number as the checksum counts them: A=10 … Z=33, I=34, O=35 (the Ministry of the Interior's order). */
    private static final String ID_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
    /** A letter, then 1/2 (citizen), 8/9 (resident certificate since 2021) or A–D (resident certificate before), 8 digits. */
    private static final Pattern ID = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z][1289A-Da-d]\\d{8}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String NUM = "(\\d+|[零〇○一二三四五六七八九十百千兩]+)";
    /** …路/街/大道 [N段] [N巷] [N弄] N[之N]號 [N樓[之N]]: every number group after the road is masked, the 段 kept. */
    private static final Pattern DOOR = Pattern.compile("(?:路|街|道)\\s*(?:[0-9一二三四五六七八九十]+\\s*段)?"
            + "\\s*(?:" + NUM + "\\s*巷)?\\s*(?:" + NUM + "\\s*弄)?\\s*" + NUM + "\\s*(?:之\\s*" + NUM + "\\s*)?[號号]"
            + "(?:\\s*之\\s*" + NUM + ")?(?:\\s*" + NUM + "\\s*(?:[樓楼Ff])(?:\\s*之\\s*" + NUM + ")?)?");
    /** Extensions libphonenumber does not know the Chinese words for. */
    private static final Pattern EXTENSION = Pattern.compile("^\\s*(?:轉|分機|#|ext\\.?|x)\\s*\\d{1,6}", Pattern.CASE_INSENSITIVE);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Seven digits or more, whatever separates them: without such a run no phone number is there to look for. */
    private static final Pattern PHONE_HINT = Pattern.compile("\\d(?:[\\s().\\-/]*\\d){6,}");

    private PersonalData() {
    }

    /** The text with ID numbers, phone numbers, e-mail addresses and door numbers masked. */
    public static String mask(String text) {
        return mask(text, List.of());
    }

    /** The same, and each of {@code names} (the citizen's own name, two characters or more) kept to its first character. */
    public static String mask(String text, Collection<String> names) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String folded = halfWidth(text);
        List<Span> spans = new ArrayList<>();
        // each finder runs only where its mark is in the text: most public texts carry none, and lists show hundreds
        boolean digits = folded.chars().anyMatch(ch -> ch >= '0' && ch <= '9');
        if (folded.indexOf('@') >= 0) {
            find(EMAIL, folded, m -> spans.add(new Span(m.start(), m.end(), "***@***")));
        }
        find(digits ? ID : null, folded, m -> {
            if (isIdNumber(m.group())) {
                spans.add(new Span(m.start(), m.end(), text.charAt(m.start()) + "*".repeat(9)));
            }
        });
        Iterable<PhoneNumberMatch> phones = digits && PHONE_HINT.matcher(folded).find()
                ? PHONES.findNumbers(folded, "TW", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE) : List.of();
        for (PhoneNumberMatch p : phones) {
            int end = p.end();
            Matcher ext = EXTENSION.matcher(folded).region(end, folded.length());
            if (ext.lookingAt()) {
                end = ext.end();
            }
            spans.add(new Span(p.start(), end, digitsMasked(text.substring(p.start(), end))));
        }
        find(folded.indexOf('號') >= 0 || folded.indexOf('号') >= 0 ? DOOR : null, folded, m -> {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    spans.add(new Span(m.start(g), m.end(g), "*".repeat(m.end(g) - m.start(g))));
                }
            }
        });
        if (names != null) {
            for (String name : names) {
                if (name == null || name.isBlank() || name.strip().codePointCount(0, name.strip().length()) < 2) {
                    continue;
                }
                String n = name.strip();
                String hidden = new String(Character.toChars(n.codePointAt(0)))
                        + "○".repeat(n.codePointCount(0, n.length()) - 1);
                for (int at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.length())) {
                    spans.add(new Span(at, at + n.length(), hidden));
                }
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        // the first finder to claim characters keeps them: e-mail before ID before phone before door number before name
        List<Span> kept = new ArrayList<>();
        for (Span s : spans) {
            if (kept.stream().noneMatch(k -> k.start() < s.end() && s.start() < k.end())) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : kept) {
            out.append(text, at, s.start()).append(s.replacement());
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Whether {@code s} is a Taiwanese ID or resident certificate number, checksum included. */
    public static boolean isIdNumber(String s) {
        if (s == null || s.length() != 10) {
            return false;
        }
        String u = halfWidth(s).toUpperCase(java.util.Locale.ROOT);
        int area = ID_LETTERS.indexOf(u.charAt(0));
        if (area < 0) {
            return false;
        }
        area += 10;
        char second = u.charAt(1);
        int n1;
        if (second == '1' || second == '2' || second == '8' || second == '9') {
            n1 = second - '0';
        } else if (second >= 'A' && second <= 'D') {
            n1 = (ID_LETTERS.indexOf(second) + 10) % 10;   // the old resident certificate counts the letter's last digit
        } else {
            return false;
        }
        int sum = area / 10 + area % 10 * 9 + n1 * 8;
        for (int i = 2; i < 9; i++) {
            char c = u.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (9 - i);
        }
        char last = u.charAt(9);
        return last >= '0' && last <= '9' && (sum + last - '0') % 10 == 0;
    }

    private record Span(int start, int end, String replacement) {
    }

    /** Each match of {@code p} (none when {@code p} is null). */
    private static void find(Pattern p, String text, java.util.function.Consumer<Matcher> each) {
        if (p == null) {
            return;
        }
        Matcher m = p.matcher(text);
        while (m.find()) {
            each.accept(m);
        }
    }

    private static String digitsMasked(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isDigit(c) ? '*' : c));
        return b.toString();
    }

    /** Full-width ASCII (Ａ１＠．) as ASCII, one character for one, so that positions stay those of the original. */
    private static String halfWidth(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '\uFF01' && c[i] <= '\uFF5E') {
                c[i] = (char) (c[i] - 0xFEE0);
            } else if (c[i] == '\u3000') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }
}
