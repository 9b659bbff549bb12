package org.anju.ledger.kind;

import org.anju.platform.BadInput;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of ledger items, read once from {@code classpath:ledger/kinds/*.tsv}. A file that does not parse stops the
 * start with its name, line and what is wrong: a kind is never half-defined.
 */
@Component
public class Kinds {

    private final Map<String, KindDefinition> kinds = new LinkedHashMap<>();

    public Kinds() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:ledger/kinds/*.tsv");
            Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                KindDefinition k = parse(r.getFilename(), new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                kinds.put(k.code(), k);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<KindDefinition> all() {
        return List.copyOf(kinds.values());
    }

    public Optional<KindDefinition> find(String code) {
        return Optional.ofNullable(code == null ? null : kinds.get(code.strip()));
    }

    /** The kind by code or Chinese name, refused in Chinese with the list of kinds. */
    public KindDefinition get(String code) {
        if (code != null) {
            for (KindDefinition k : kinds.values()) {
                if (k.code().equals(code.strip()) || k.name().equals(code.strip())) {
                    return k;
                }
            }
        }
        throw new BadInput("台账种类“" + code + "”不存在：应为 " + String.join("、", kinds.values().stream()
                .map(k -> k.code() + "（" + k.name() + "）").toList()));
    }

    /** Parses one definition file. */
    public static KindDefinition parse(String file, String text) {
        String code = null, name = null, lateFrom = null, lateUntil = null;
        DeadlineRule rule = null;
        Integer dueSoon = null, extension = null;
        List<FieldDef> fields = new ArrayList<>();
        List<KindDefinition.Limit> limits = new ArrayList<>();
        Map<String, String> flags = new LinkedHashMap<>();
        StringBuilder source = new StringBuilder();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.startsWith("#")) {
                source.append(line.substring(1).strip()).append('\n');
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            try {
                switch (c[0]) {
                    case "代码" -> code = cell(c, 1);
                    case "名称" -> name = cell(c, 1);
                    case "临近提醒天数" -> dueSoon = number(c, 1);
                    case "延长上限天数" -> extension = number(c, 1);
                    case "期限" -> rule = switch (cell(c, 1)) {
                        case "日期" -> new DeadlineRule.OnDate();
                        case "工作日" -> new DeadlineRule.WorkingDays(number(c, 2), optional(c, 3));
                        case "日历日" -> new DeadlineRule.CalendarDays(number(c, 2), optional(c, 3));
                        default -> throw new LineProblem("期限应为 日期、工作日 或 日历日");
                    };
                    case "法定时限" -> limits.add(new KindDefinition.Limit(cell(c, 1), number(c, 2),
                            switch (cell(c, 3)) {
                                case "工作日" -> true;
                                case "日历日" -> false;
                                default -> throw new LineProblem("第 4 列应为 工作日 或 日历日");
                            }, optional(c, 4)));
                    case "逾期起算" -> {
                        lateFrom = cell(c, 1);
                        lateUntil = optional(c, 2);
                    }
                    case "标记" -> flags.put(cell(c, 1), cell(c, 2));
                    case "字段" -> {
                        FieldType type = FieldType.parse(cell(c, 3)).orElseThrow(() -> new LineProblem(
                                "字段类型应为 文本、日期、金额、整数、选项、地区、项目 之一"));
                        boolean required = switch (cell(c, 4)) {
                            case "必填" -> true;
                            case "选填" -> false;
                            default -> throw new LineProblem("第 5 列应为 必填 或 选填");
                        };
                        List<String> values = type == FieldType.CHOICE ? List.of(cell(c, 5).split("\\|")) : List.of();
                        String unit = type == FieldType.AMOUNT ? cell(c, 5) : null;
                        int scale = type == FieldType.AMOUNT ? number(c, 6) : 0;
                        fields.add(new FieldDef(cell(c, 1), cell(c, 2), type, required, values, unit, scale));
                    }
                    default -> throw new LineProblem("不认识的行“" + c[0] + "”：应为 代码、名称、期限、临近提醒天数、"
                            + "延长上限天数、法定时限、逾期起算、标记 或 字段");
                }
            } catch (LineProblem e) {
                throw new IllegalStateException("台账种类定义 " + file + " 第 " + n + " 行：" + e.getMessage());
            }
        }
        if (code == null || name == null || rule == null || dueSoon == null || fields.isEmpty()) {
            throw new IllegalStateException("台账种类定义 " + file + " 缺少 代码、名称、期限、临近提醒天数 或 字段");
        }
        for (String f : flags.keySet()) {
            if (fields.stream().noneMatch(d -> d.code().equals(f))) {
                throw new IllegalStateException("台账种类定义 " + file + "：标记所指的字段 " + f + " 不存在");
            }
        }
        for (String f : java.util.Arrays.asList(lateFrom, lateUntil)) {
            if (f != null && fields.stream().noneMatch(d -> d.code().equals(f) && d.type() == FieldType.DATE)) {
                throw new IllegalStateException("台账种类定义 " + file + "：逾期起算所指的日期字段 " + f + " 不存在");
            }
        }
        return new KindDefinition(code, name, rule, dueSoon, extension, limits, fields, flags, lateFrom, lateUntil,
                source.toString().strip());
    }

    private static String cell(String[] c, int i) {
        if (i >= c.length || c[i].isBlank()) {
            throw new LineProblem("第 " + (i + 1) + " 列为空");
        }
        return c[i].strip();
    }

    private static String optional(String[] c, int i) {
        return i < c.length && !c[i].isBlank() ? c[i].strip() : null;
    }

    private static int number(String[] c, int i) {
        try {
            return Integer.parseInt(cell(c, i));
        } catch (NumberFormatException e) {
            throw new LineProblem("第 " + (i + 1) + " 列应为整数");
        }
    }

    /**
     * What is wrong with one line of a kind definition; reported with the file and line as an IllegalStateException:
     * the definitions ship with the application, so a wrong one is a bug, not a user's input to refuse.
     */
    private static final class LineProblem extends RuntimeException {
        LineProblem(String message) {
            super(message);
        }
    }
}
