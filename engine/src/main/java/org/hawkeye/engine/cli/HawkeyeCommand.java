package org.hawkeye.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.hawkeye.specs.ProfilerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hawkeye} command line. Every error a user can cause ends with one line on stderr naming the place
 * (file:line:col, or the node) and exit code 2; stack traces appear only for internal errors under HAWKEYE_DEBUG.
 */
@Command(name = "hawkeye", mixinStandardHelpOptions = true, version = "hawkeye 0.1.0",
        description = "Static profiler of MPC communication (bits and rounds, online and offline) for ONNX models.")
public final class HawkeyeCommand implements Runnable {
    static final int USER_ERROR = 2;
    /** The subcommands, in the order help lists them (then help, then the modules' extra commands). */
    private static final List<Class<?>> COMMANDS = List.of(ProfileCommand.class, CompareCommand.class,
            FrameworksCommand.class, DemoCommand.class, GenerateCommand.class, SweepCommand.class, ExplainCommand.class,
            WhatIfCommand.class, BenchCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (profile, compare, frameworks, demo)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams; returns the exit code. {@code extraCommands} are added as
     * subcommands (modules built on the engine, e.g. validation's {@code validate}).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Object... extraCommands) {
        org.hawkeye.specs.PhaseClock.mainStarted();
        long setup = org.hawkeye.specs.PhaseClock.start();
        CommandLine cl = new CommandLine(new HawkeyeCommand());
        // picocli builds a command's model by reflection, option by option: a run that names its command builds only
        // that one; help, a bad name or no command builds them all, for the list and the error
        String named = args.length > 0 ? args[0] : "";
        List<Object> commands = new ArrayList<>(COMMANDS);
        commands.add(CommandLine.HelpCommand.class);
        commands.addAll(List.of(extraCommands));
        boolean one = !named.equals("help") && commands.stream().anyMatch(c -> named.equals(nameOf(c)));
        for (Object command : commands) {
            if (!one || named.equals(nameOf(command))) {
                cl.addSubcommand(command);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine.Model.CommandSpec sub = ex.getCommandLine().getCommandSpec();
            err.println("hawkeye: " + usageMessage(String.valueOf(ex.getMessage())) + " (try '"
                    + sub.qualifiedName() + " --help')");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof ProfilerException pe) {
                    err.println("hawkeye: " + oneLine(pe.getMessage()));
                    return USER_ERROR;
                }
            }
            return internalError(ex, err);
        });
        org.hawkeye.specs.PhaseClock.end("cli-setup", setup);
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only exceptions to the handler; these end here, still as one line
            code = internalError(e, err);
        }
        out.flush();
        org.hawkeye.specs.PhaseClock.report(err);
        err.flush();
        return code;
    }

    private static String nameOf(Object command) {
        Class<?> type = command instanceof Class<?> c ? c : command.getClass();
        Command annotation = type.getAnnotation(Command.class);
        return annotation == null ? "" : annotation.name();
    }

    private static int internalError(Throwable ex, PrintWriter err) {
        err.println("hawkeye: internal error: " + oneLine(String.valueOf(ex))
                + (ex instanceof OutOfMemoryError ? " (give Java more memory: HAWKEYE_JAVA_OPTS=-Xmx8g)" : ""));
        if (System.getenv("HAWKEYE_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return 1;
    }

    /**
     * picocli's words for a bad option, with what the user typed escaped (a NUL or an escape sequence) and without
     * Java's names: "cannot convert 'x' to interface java.nio.file.Path (java.nio...: ...)" is a value that is
     * not a path.
     */
    static String usageMessage(String message) {
        String m = org.hawkeye.engine.graph.Printable.escape(message);
        m = m.replaceAll("cannot convert '(.*)' to (?:class|interface|enum) [\\w.$]+(?: \\(.*\\))?",
                "'$1' is not a valid value");
        return m.replaceAll("(?:java|javax|org|com|picocli)\\.[\\w.$]+", "value");
    }

    /** A message is one line: a newline in it (from a name or a file) would forge a second one. */
    static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
