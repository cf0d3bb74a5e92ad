package org.hawkeye.specs;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a cold run's time goes, for whoever is chasing a slow start: with {@code -Dhawkeye.timing=true} (or
 * {@code HAWKEYE_TIMING=1}) the command line prints on stderr, at the end, the time from the JVM's start to
 * {@code main} and the wall time spent in each phase (reading specs, building rule bases, importing, lowering...).
 * Phases nest and repeat: a phase's time is the sum over its calls, so nested ones are also in their parent's. Off,
 * a marker costs a field read.
 */
public final class PhaseClock {
    private static final boolean ON = Boolean.getBoolean("hawkeye.timing") || System.getenv("HAWKEYE_TIMING") != null;
    private static final Map<String, long[]> TOTALS = new LinkedHashMap<>();
    private static long mainNanos;

    private PhaseClock() {
    }

    public static boolean on() {
        return ON;
    }

    /** Marks {@code main}'s start: the time before it is the JVM's own start. */
    public static void mainStarted() {
        if (ON) {
            mainNanos = System.nanoTime();
        }
    }

    /** The start of a phase, to hand to {@link #end}; 0 when timing is off. */
    public static long start() {
        return ON ? System.nanoTime() : 0;
    }

    public static void end(String phase, long started) {
        if (ON) {
            long took = System.nanoTime() - started;
            synchronized (TOTALS) {
                long[] t = TOTALS.computeIfAbsent(phase, k -> new long[2]);
                t[0] += took;
                t[1]++;
            }
        }
    }

    /** Prints the phases on {@code err}: one line, in the order they first ran. */
    public static void report(PrintWriter err) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        // the JVM's own record of its start (the process's start time from /proc is rounded to the second)
        long sinceJvm = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getStartTime();
        StringBuilder sb = new StringBuilder("hawkeye timing:");
        sb.append(" jvm-to-main ").append(sinceJvm - (now - mainNanos) / 1_000_000).append(" ms;");
        sb.append(" main ").append((now - mainNanos) / 1_000_000).append(" ms");
        synchronized (TOTALS) {
            TOTALS.forEach((phase, t) -> sb.append("; ").append(phase).append(' ').append(t[0] / 1_000_000)
                    .append(" ms").append(t[1] > 1 ? " (" + t[1] + "x)" : ""));
        }
        err.println(sb);
        err.flush();
    }
}
