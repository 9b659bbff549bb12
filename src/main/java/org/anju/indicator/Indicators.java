package org.anju.indicator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicator catalogue, held in memory (a few dozen rows) and reloaded after every change.
 * Also tells which indicator a column of a breakdown table counts, from the table title, its 单位
 * line and the column's header cells.
 */
@Service
public class Indicators {

    private record Catalogue(List<Program> programs, List<Stage> stages, List<Measure> measures,
                             List<Indicator> indicators, Map<String, Indicator> byCode, Map<Integer, Indicator> byId,
                             KeywordMatcher<Program> programWords, KeywordMatcher<Stage> stageWords,
                             KeywordMatcher<Measure> measureWords) {

        static Catalogue of(List<Program> programs, List<Stage> stages, List<Measure> measures,
                            List<Indicator> indicators) {
            return new Catalogue(programs, stages, measures, indicators,
                    indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity())),
                    indicators.stream().collect(Collectors.toMap(Indicator::id, Function.identity())),
                    new KeywordMatcher<>(aliases(programs, Program::aliases)),
                    new KeywordMatcher<>(aliases(stages, Stage::aliases)),
                    new KeywordMatcher<>(aliases(measures, Measure::aliases)));
        }

        private static <T> Map<T, List<String>> aliases(List<T> things, Function<T, List<String>> words) {
            Map<T, List<String>> map = new LinkedHashMap<>();
            things.forEach(t -> map.put(t, words.apply(t)));
            return map;
        }
    }

    private final IndicatorRepository repository;
    private volatile Catalogue catalogue;
    /** The tables' digest read just before {@link #catalogue} was: another node's addition makes them differ. */
    private volatile String loadedFingerprint;

    Indicators(IndicatorRepository repository) {
        this.repository = repository;
    }

    private Catalogue catalogue() {
        Catalogue c = catalogue;
        if (c == null) {
            c = reload();
        }
        return c;
    }

    private synchronized Catalogue reload() {
        loadedFingerprint = repository.fingerprint();
        catalogue = Catalogue.of(repository.programs(), repository.stages(), repository.measures(),
                repository.indicators());
        return catalogue;
    }

    public List<Indicator> all() {
        return catalogue().indicators();
    }

    public List<Program> programs() {
        return catalogue().programs();
    }

    public List<Stage> stages() {
        return catalogue().stages();
    }

    public List<Measure> measures() {
        return catalogue().measures();
    }

    /**
     * Re-reads the catalogue if it changed since it was read — a program or indicator added through another node
     * (issue 15: several nodes, one database); a digest first, which costs a millisecond.
     */
    public void refresh() {
        if (catalogue == null || !repository.fingerprint().equals(loadedFingerprint)) {
            reload();
        }
    }

    public Indicator byId(int id) {
        Indicator i = catalogue().byId().get(id);
        if (i == null) {
            refresh(); // a row naming an indicator added on another node a moment ago
            i = catalogue().byId().get(id);
        }
        if (i == null) {
            throw new org.anju.platform.NotFound("指标不存在：" + id);
        }
        return i;
    }

    /** By code such as {@code SHANTYTOWN.START.UNIT}. */
    public Optional<Indicator> byCode(String code) {
        return Optional.ofNullable(catalogue().byCode().get(code));
    }

    public Optional<Indicator> find(String program, String stage, String measure) {
        return byCode(Indicator.code(program, stage, measure));
    }

    public Optional<Program> program(String code) {
        return programs().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The programs a text names, in order of first appearance (the longest alias wins at each place). */
    public List<Program> programsIn(String text) {
        return List.copyOf(catalogue().programWords().find(text));
    }

    /** The stages a text names, in order of first appearance (计划投资完成率 is 完成投资, not 计划投资). */
    public List<Stage> stagesIn(String text) {
        return List.copyOf(catalogue().stageWords().find(text));
    }

    /** The indicators of a program, in display order. */
    public List<Indicator> ofProgram(String programCode) {
        return all().stream().filter(i -> i.programCode().equals(programCode)).toList();
    }

    /** The program a title names (the longest alias wins), if exactly one. */
    public Optional<Program> programNamedIn(String text) {
        Set<Program> found = catalogue().programWords().find(text);
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /**
     * Which indicator a column counts.
     *
     * @param tableTitle    the table's title, e.g. 2023年城市棚户区改造目标任务分解表
     * @param unitLine      the 单位 line, or null
     * @param headerPath    the column's header cells from top to bottom, e.g. [2023年, 开工]
     * @param documentTitle the title of the whole document, a last resort for the program
     */
    public IndicatorMatch matchColumn(String tableTitle, String unitLine, List<String> headerPath,
                                      String documentTitle) {
        Catalogue c = catalogue();
        String header = String.join("", headerPath);
        Program program = single(c.programWords().find(tableTitle))
                .or(() -> single(c.programWords().find(header)))
                .or(() -> single(c.programWords().find(documentTitle)))
                .orElse(null);
        if (program == null) {
            return new IndicatorMatch.Unmatched("未能从表名「" + nullToEmpty(tableTitle) + "」或表头识别工程类别");
        }
        String stage = lastNamed(c.stageWords(), headerPath).map(Stage::code)
                .or(() -> single(c.stageWords().find(tableTitle)).map(Stage::code))
                .orElse(program.defaultStage());
        String measure = lastNamed(c.measureWords(), headerPath).map(Measure::code)
                .or(() -> single(c.measureWords().find(unitLine)).map(Measure::code))
                .orElse(program.defaultMeasure());
        if (stage == null || measure == null) {
            return new IndicatorMatch.Unmatched("未能识别「" + header + "」的" + (stage == null ? "阶段" : "计量单位"));
        }
        return find(program.code(), stage, measure)
                .<IndicatorMatch>map(IndicatorMatch.Matched::new)
                .orElseGet(() -> new IndicatorMatch.Unmatched("指标不存在：" + program.name() + "·"
                        + stageName(stage) + "·" + measureName(measure) + "（可在指标管理中新增）"));
    }

    /** The thing named by the most specific (lowest) header cell that names one. */
    private static <T> Optional<T> lastNamed(KeywordMatcher<T> words, List<String> headerPath) {
        List<String> reversed = new ArrayList<>(headerPath);
        Collections.reverse(reversed);
        for (String cell : reversed) {
            Set<T> found = words.find(cell);
            if (!found.isEmpty()) {
                return Optional.of(found.iterator().next());
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> single(Set<T> found) {
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private String stageName(String code) {
        return stages().stream().filter(s -> s.code().equals(code)).map(Stage::name).findFirst().orElse(code);
    }

    private String measureName(String code) {
        return measures().stream().filter(m -> m.code().equals(code)).map(Measure::name).findFirst().orElse(code);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Adds a program; its indicators follow with {@link #addIndicator}. No code change needed. */
    @Transactional
    public Program addProgram(Program program) {
        if (program(program.code()).isPresent()) {
            throw new org.anju.platform.BadInput("工程类别已存在：" + program.code());
        }
        repository.insertProgram(program);
        reload();
        return program;
    }

    @Transactional
    public Indicator addIndicator(String program, String stage, String measure, String stageLabel, int sortOrder) {
        if (find(program, stage, measure).isPresent()) {
            throw new org.anju.platform.BadInput("指标已存在：" + Indicator.code(program, stage, measure));
        }
        int id = repository.insertIndicator(program, stage, measure,
                stageLabel == null || stageLabel.isBlank() ? stageName(stage) : stageLabel, sortOrder);
        return reload().byId().get(id);
    }
}
