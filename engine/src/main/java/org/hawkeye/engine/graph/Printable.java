package org.hawkeye.engine.graph;

/**
 * Names from a model file as they can be printed: a name holding a terminal escape sequence or other control
 * characters must not reach a terminal, a CSV cell or a log raw. Control and format characters (C0, DEL, C1,
 * bidirectional overrides, unpaired surrogates) become {@code \xNN} (or, past U+00FF, a backslash and u with
 * the code point in braces), and a backslash becomes two, so that two different names never print the same.
 */
public final class Printable {

    private Printable() {
    }

    public static String escape(String s) {
        if (isPlain(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\') {
                sb.append("\\\\");
            } else if (needsEscape(cp)) {
                sb.append(cp < 0x100 ? String.format("\\x%02x", cp) : String.format("\\u{%04x}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
