package org.hawkeye.validation.cli;

import java.io.PrintWriter;
import org.hawkeye.engine.cli.HawkeyeCommand;

/** The runnable hawkeye: the engine's commands plus those that need the measured data (validate). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(HawkeyeCommand.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new ValidateCommand(), new ReproduceCommand()));
    }
}
