package org.hawkeye.engine.cli;

import java.io.PrintWriter;

/**
 * Progress over several models, on stderr so that stdout stays a clean report. On a terminal one line is
 * redrawn as a bar; otherwise (a pipe, a log, CI) each model gets a plain line, since carriage returns would
 * pile up in a file.
 */
final class Progress {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private final boolean linesOffTerminal;
    private int lastLength;

    Progress(PrintWriter err, int total, boolean terminal) {
        this(err, total, terminal, true);
    }

    /** {@code linesOffTerminal} false: silent off a terminal (many short steps of one run, not several models). */
    Progress(PrintWriter err, int total, boolean terminal, boolean linesOffTerminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
        this.linesOffTerminal = linesOffTerminal;
    }

    /** True when stdin/stdout belong to an interactive terminal. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /** Announces model {@code index} (0-based) before it is profiled. */
    void starting(int index, String name) {
        if (total < 2) {
            return;
        }
        if (!terminal) {
            if (!linesOffTerminal) {
                return;
            }
            err.println("[" + (index + 1) + "/" + total + "] " + name);
            err.flush();
            return;
        }
        int filled = WIDTH * index / total;
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + (index + 1) + "/" + total
                + " " + name;
        draw(line);
    }

    /** Clears the bar once every model is done (plain lines stay). */
    void finished() {
        if (total >= 2 && terminal) {
            draw("");
        }
    }

    private void draw(String line) {
        String pad = " ".repeat(Math.max(0, lastLength - line.length()));
        err.print("\r" + line + pad + (line.isEmpty() ? "\r" : ""));
        err.flush();
        lastLength = line.length();
    }
}
