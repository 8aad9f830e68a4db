package org.ecomonitor.io.shapefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed well-known-text CRS element: a keyword and its bracketed values, each a quoted string, a bare token
 * (number or enumeration) or a nested element. Accepts WKT1 (ESRI and OGC flavours) and WKT2, with [] or ().
 */
final class WktNode {

    final String keyword;
    final List<Object> values = new ArrayList<>();

    private WktNode(String keyword) {
        this.keyword = keyword.toUpperCase(Locale.ROOT);
    }

    /** Parses text; throws IllegalArgumentException with the offending position when it is not WKT. */
    static WktNode parse(String text) {
        Parser p = new Parser(text);
        WktNode node = p.node();
        p.skipSpace();
        if (p.at < text.length()) {
            throw new IllegalArgumentException("text after the WKT at " + p.at);
        }
        return node;
    }

    /** The i-th value as text (a quoted string or a bare token), or null. */
    String text(int i) {
        if (i >= values.size()) {
            return null;
        }
        Object v = values.get(i);
        return v instanceof WktNode ? null : (String) v;
    }

    /** The i-th value as a number, or NaN. */
    double number(int i) {
        String t = text(i);
        try {
            return t == null ? Double.NaN : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The first direct child with one of the keywords, or null. */
    WktNode child(String... keywords) {
        for (Object v : values) {
            if (v instanceof WktNode n && n.is(keywords)) {
                return n;
            }
        }
        return null;
    }

    /** Every descendant (depth first) with one of the keywords. */
    List<WktNode> descendants(String... keywords) {
        List<WktNode> found = new ArrayList<>();
        collect(found, keywords);
        return found;
    }

    /** The first descendant (depth first) with one of the keywords, or null. */
    WktNode descendant(String... keywords) {
        List<WktNode> all = descendants(keywords);
        return all.isEmpty() ? null : all.get(0);
    }

    boolean is(String... keywords) {
        for (String k : keywords) {
            if (keyword.equals(k)) {
                return true;
            }
        }
        return false;
    }

    private void collect(List<WktNode> found, String... keywords) {
        for (Object v : values) {
            if (v instanceof WktNode n) {
                if (n.is(keywords)) {
                    found.add(n);
                }
                n.collect(found, keywords);
            }
        }
    }

    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        WktNode node() {
            skipSpace();
            String keyword = token();
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("keyword expected at " + at);
            }
            skipSpace();
            WktNode node = new WktNode(keyword);
            if (at >= s.length() || (s.charAt(at) != '[' && s.charAt(at) != '(')) {
                throw new IllegalArgumentException("'[' expected at " + at);
            }
            at++;
            while (true) {
                skipSpace();
                if (at >= s.length()) {
                    throw new IllegalArgumentException("unclosed " + keyword);
                }
                char c = s.charAt(at);
                if (c == ']' || c == ')') {
                    at++;
                    return node;
                }
                if (c == ',') {
                    at++;
                    continue;
                }
                if (c == '"') {
                    node.values.add(quoted());
                } else {
                    int start = at;
                    String t = token();
                    skipSpace();
                    if (!t.isEmpty() && at < s.length() && (s.charAt(at) == '[' || s.charAt(at) == '(')) {
                        at = start;
                        node.values.add(node());
                    } else if (t.isEmpty()) {
                        throw new IllegalArgumentException("value expected at " + at);
                    } else {
                        node.values.add(t);
                    }
                }
            }
        }

        String quoted() {
            StringBuilder b = new StringBuilder();
            at++;
            while (at < s.length()) {
                char c = s.charAt(at++);
                if (c == '"') {
                    if (at < s.length() && s.charAt(at) == '"') {
                        b.append('"');
                        at++;
                    } else {
                        return b.toString();
                    }
                } else {
                    b.append(c);
                }
            }
            throw new IllegalArgumentException("unclosed quote");
        }

        String token() {
            int start = at;
            while (at < s.length() && "[](),\"".indexOf(s.charAt(at)) < 0 && !Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            return s.substring(start, at);
        }

        void skipSpace() {
            while (at < s.length() && (Character.isWhitespace(s.charAt(at)) || s.charAt(at) == '\uFEFF')) {
                at++;
            }
        }
    }
}
