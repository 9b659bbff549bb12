package org.anju.cli;

import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command-line run inside a test's application context: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(ConfigurableApplicationContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.execute(context, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
