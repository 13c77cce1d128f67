package io.shizheng.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;

/**
 * One method and path pattern the running application answers, as its handler mappings declare it.
 *
 * @param pattern  the pattern as declared, e.g. {@code /cases/{caseNo:[0-9]+}}
 * @param handler  the controller method (or handler) behind it, for messages
 * @param api      a {@code @RestController} or {@code @ResponseBody} method (answers data, not a page)
 * @param consumes the media types the handler declares it reads (empty: any)
 * @param params   the names of the request parameters the handler reads
 * @param required the request parameters it cannot do without (simple values), and the file parts it reads
 * @param listBody whether its request body is a JSON array
 */
record Route(String method, String pattern, String handler, boolean api, Set<MediaType> consumes, Set<String> params,
             Set<String> required, Set<String> fileParts, boolean listBody) {

    /** The pattern with the regular expressions of its variables taken out: {@code /cases/{caseNo}}. */
    String template() {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int end = closing(i);
                String inside = pattern.substring(i + 1, end);
                int colon = inside.indexOf(':');
                out.append('{').append(colon < 0 ? inside : inside.substring(0, colon)).append('}');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The names of the path variables, in order. */
    List<String> variables() {
        List<String> names = new ArrayList<>();
        String t = template();
        for (int i = t.indexOf('{'); i >= 0; i = t.indexOf('{', i + 1)) {
            names.add(t.substring(i + 1, t.indexOf('}', i)));
        }
        return names;
    }

    boolean wildcard() {
        return pattern.contains("*");
    }

    boolean write() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }

    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                depth++;
            } else if (pattern.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in " + pattern);
    }
}
