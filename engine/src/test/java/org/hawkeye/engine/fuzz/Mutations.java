package org.hawkeye.engine.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Byte- and text-level mutations, each drawn from a seeded Random so that a failing input is replayed from its
 * seed alone. The values favour the edges where loaders break: 0, -1, powers of two around 2^31, 2^53, 2^62 and
 * 2^63, empty and huge strings, control characters.
 */
final class Mutations {
    /** Numbers at the edges of int, long, double exactness and hawkeye's own limits. */
    static final long[] EDGE_LONGS = {0, 1, -1, 2, 3, 7, 64, 255, 256, 4096, 65536, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 1L << 31, 1L << 32, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, 1L << 62, Long.MAX_VALUE,
        Long.MIN_VALUE, -(1L << 62)};
    static final String[] EDGE_TEXTS = {"", " ", "null", "~", "-1", "0", "1e-999999999", "1e999999999",
        "99999999999999999999999999", "NaN", "-Infinity", "\u001b[31m", "\u0000", "a\nb", "[1, 2]", "{a: 1}", "'",
        "\"", "&x", "*x", "!!binary AAAA", "0x10", "1/0", "log2(0)", "ln(-1)", "(", ")", "2^1000000", "9^9^9",
        "x".repeat(300)};

    private static final String STRAY = "()[]{}:,'\"-+*/^?!<>=&|#%$@\\\t\u001b\u0000";

    private Mutations() {
    }

    static long edgeLong(Random r) {
        return r.nextInt(4) == 0 ? r.nextLong() : EDGE_LONGS[r.nextInt(EDGE_LONGS.length)];
    }

    static String edgeText(Random r) {
        return EDGE_TEXTS[r.nextInt(EDGE_TEXTS.length)];
    }

    /** 1 to 8 byte-level changes: flips, edge bytes, deletions, insertions, copies, truncation, splicing. */
    static byte[] bytes(byte[] seed, byte[] other, Random r) {
        byte[] b = seed.clone();
        int changes = 1 + r.nextInt(8);
        for (int c = 0; c < changes && b.length > 0; c++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = new byte[] {0, -1, 0x7f, (byte) 0x80, 1, 0x0a, 0x12, 0x08}[r.nextInt(8)];
                case 2 -> b = remove(b, at, Math.min(b.length - at, 1 + r.nextInt(16)));
                case 3 -> b = insert(b, at, randomBytes(r, 1 + r.nextInt(16)));
                case 4 -> {
                    int from = r.nextInt(b.length);
                    b = insert(b, at, Arrays.copyOfRange(b, from, Math.min(b.length, from + 1 + r.nextInt(64))));
                }
                case 5 -> b = Arrays.copyOf(b, at);
                case 6 -> b = splice(b, other, at, r);
                default -> b[at] = (byte) r.nextInt(256);
            }
        }
        return b;
    }

    /** 1 to 4 line-level changes of a text (YAML, DRL): delete, duplicate, swap, re-indent, replace a value. */
    static String lines(String text, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int changes = 1 + r.nextInt(4);
        for (int c = 0; c < changes && !lines.isEmpty(); c++) {
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            switch (r.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, lines.set(r.nextInt(lines.size()), line));
                case 3 -> lines.set(at, r.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", ""));
                case 4 -> lines.set(at, replaceValue(line, edgeText(r)));
                case 5 -> lines.set(at, replaceValue(line, Long.toString(edgeLong(r))));
                case 6 -> lines.set(at, replaceToken(line, r));
                case 7 -> lines.add(at, line.replaceAll("\\S.*", "") + edgeText(r) + ": " + edgeText(r));
                default -> lines.set(at, chars(line, r));
            }
        }
        return String.join("\n", lines);
    }

    /** A character-level change of one string: a deletion, an insertion of an edge character, a swap. */
    static String chars(String s, Random r) {
        if (s.isEmpty()) {
            return edgeText(r);
        }
        int at = r.nextInt(s.length());
        return switch (r.nextInt(4)) {
            case 0 -> s.substring(0, at) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + STRAY.charAt(r.nextInt(STRAY.length())) + s.substring(at);
            case 2 -> s.substring(0, at) + edgeText(r) + s.substring(at);
            default -> s.substring(at) + s.substring(0, at);
        };
    }

    private static String replaceValue(String line, String value) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line + value : line.substring(0, colon + 2) + value;
    }

    /** Replaces one word or number of the line with an edge value or another word of the line. */
    private static String replaceToken(String line, Random r) {
        String[] tokens = line.split("(?<=\\W)|(?=\\W)");
        if (tokens.length == 0) {
            return line;
        }
        int i = r.nextInt(tokens.length);
        tokens[i] = r.nextBoolean() ? Long.toString(edgeLong(r)) : tokens[r.nextInt(tokens.length)];
        return String.join("", tokens);
    }

    private static byte[] remove(byte[] b, int at, int n) {
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    private static byte[] splice(byte[] b, byte[] other, int at, Random r) {
        if (other.length == 0) {
            return b;
        }
        int from = r.nextInt(other.length);
        byte[] out = Arrays.copyOf(b, at + other.length - from);
        System.arraycopy(other, from, out, at, other.length - from);
        return out;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
