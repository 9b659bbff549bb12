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

    /**
     * {@code java -jar anju.jar ARGS} in this JVM ({@link Cli#run}: its own context, as a command starts one), what it
     * printed on stdout and stderr caught.
     */
    static CliRun main(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        int exit;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = Cli.run(org.anju.AnjuApplication.class, args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new CliRun(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
