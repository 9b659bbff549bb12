package org.anju.plan.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One table of the real-world corpus (src/test/resources/realworld): its forms, the answers an official gives
 * in the preview (answers.txt, as the command line's options), and what must come out (expected.tsv,
 * findings.txt, or refused.txt). Used by {@link RealWorldCorpusTest} and by PlanBench.
 */
public record CorpusCase(String name, Path dir, List<Path> forms, List<String> answers, List<String> expected,
                         List<String> findings, String refusal) {

    public static final Path CORPUS = Path.of("src/test/resources/realworld");

    public static List<CorpusCase> all() throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                cases.add(of(dir));
            }
        }
        return cases;
    }

    public static CorpusCase of(Path dir) throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(dir)) {
            forms = files.filter(f -> f.getFileName().toString().startsWith("table")).sorted().toList();
        }
        List<String> expected = new ArrayList<>();
        List<String> rows = read(dir.resolve("expected.tsv"));
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String[] f = row.split("\t", -1);
            expected.add(RealWorldCorpusTest.line(f[1], f[2], Integer.valueOf(f[3]), f[4], f[5].isEmpty() ? null : f[5],
                    f[6]));
        }
        Path refused = dir.resolve("refused.txt");
        return new CorpusCase(dir.getFileName().toString(), dir, forms, read(dir.resolve("answers.txt")), expected,
                read(dir.resolve("findings.txt")), Files.exists(refused) ? read(refused).getFirst() : null);
    }

    /** The answers as the command line takes them: --years, --stage, --program, --period, --column, --region. */
    public ImportOptions options(boolean dryRun) {
        Map<String, String> columns = new TreeMap<>();
        Map<String, String> regions = new TreeMap<>();
        Integer year = null;
        String stage = null;
        String program = null;
        YearMonth period = null;
        for (String a : answers) {
            String option = a.substring(0, a.indexOf(' '));
            String value = a.substring(a.indexOf(' ') + 1).strip();
            switch (option) {
                case "--years" -> year = Integer.valueOf(value);
                case "--stage" -> stage = value;
                case "--program" -> program = value;
                case "--period" -> period = Choices.month(value, option);
                case "--column" -> columns.putAll(Choices.pairs(List.of(value), option));
                case "--region" -> regions.putAll(Choices.pairs(List.of(value), option));
                default -> throw new IllegalArgumentException(dir + "/answers.txt: " + a);
            }
        }
        return new ImportOptions(dryRun, null, false, null, null, null, null, null, year, year, null, null, false,
                null, null, new Choices(columns, regions, program, stage, period));
    }

    private static List<String> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
