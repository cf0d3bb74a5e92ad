package org.hawkeye.engine.cli;

import java.io.PrintWriter;
import org.hawkeye.specs.ProfilerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hawkeye} command line. Every error a user can cause ends with one line on stderr naming the place
 * (file:line:col, or the node) and exit code 2; stack traces appear only for internal errors under HAWKEYE_DEBUG.
 */
@Command(name = "hawkeye", mixinStandardHelpOptions = true, version = "hawkeye 0.1.0",
        description = "Static profiler of MPC communication (bits and rounds, online and offline) for ONNX models.",
        subcommands = {ProfileCommand.class, CompareCommand.class, FrameworksCommand.class, DemoCommand.class,
                GenerateCommand.class, SweepCommand.class,
                ExplainCommand.class, WhatIfCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class HawkeyeCommand implements Runnable {
    static final int USER_ERROR = 2;

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
        CommandLine cl = new CommandLine(new HawkeyeCommand());
        for (Object command : extraCommands) {
            cl.addSubcommand(command);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("hawkeye: " + ex.getMessage());
            CommandLine.Model.CommandSpec sub = ex.getCommandLine().getCommandSpec();
            err.println("try '" + sub.qualifiedName() + " --help'");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof ProfilerException pe) {
                err.println("hawkeye: " + pe.getMessage());
                return USER_ERROR;
            }
            err.println("hawkeye: internal error: " + ex);
            if (System.getenv("HAWKEYE_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
