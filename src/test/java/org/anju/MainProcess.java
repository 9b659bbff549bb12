package org.anju;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar anju.jar ARGS} as an operator runs it: {@link AnjuApplication#main} in a JVM of its own. */
public record MainProcess(int exit, String out, String err) {

    /** A key for an external database's personal data, which the application requires to start. */
    public static final String DATA_KEY = "1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    public static MainProcess run(Map<String, String> environment, String... args) throws Exception {
        return run(System.getProperty("java.class.path"), List.of(), environment, args);
    }

    /** The same without the tests' classes and resources (their logging settings): what the jar prints. */
    public static MainProcess runAsShipped(Map<String, String> environment, String... args) throws Exception {
        return runAsShipped(List.of(), environment, args);
    }

    /** {@link #runAsShipped(Map, String...)} with options for the JVM ({@code -D…}). */
    public static MainProcess runAsShipped(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws Exception {
        String classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        return run(classpath, jvmOptions, environment, args);
    }

    private static MainProcess run(String classpath, Map<String, String> environment, String... args) throws Exception {
        return run(classpath, List.of(), environment, args);
    }

    private static MainProcess run(String classpath, List<String> jvmOptions, Map<String, String> environment,
                                   String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, AnjuApplication.class.getName()));
        command.addAll(List.of(args));
        File out = File.createTempFile("anju-main", ".out");
        File err = File.createTempFile("anju-main", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out).redirectError(err);
            pb.environment().putAll(environment);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("still running after 120 s: " + String.join(" ", args));
            }
            return new MainProcess(p.exitValue(), java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
