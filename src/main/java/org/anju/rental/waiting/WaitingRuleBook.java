package org.anju.rental.waiting;

import org.anju.platform.Conflict;
import org.anju.region.Region;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The waiting-list rules of every city that has written them: the files {@code rental/waiting/*.tsv} on the class
 * path and, when {@code anju.rental.waiting-rules-dir} names a directory, the {@code .tsv} files there (a city adds or
 * changes its rules without a new build). Read once at start; a file that cannot be read, or two files of a city in
 * force on the same day, stop the start with the file's name — a wrong rule must not quietly order a waiting list.
 */
@Component
public class WaitingRuleBook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final List<WaitingRules> all;

    WaitingRuleBook(@Value("${anju.rental.waiting-rules-dir:}") String dir) throws IOException {
        List<WaitingRules> rules = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:rental/waiting/*.tsv")) {
            rules.add(WaitingRules.parse(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
        }
        if (!dir.isBlank()) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    rules.add(WaitingRules.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        rules.sort(Comparator.comparing(WaitingRules::city).thenComparing(WaitingRules::from));
        for (int i = 1; i < rules.size(); i++) {
            WaitingRules a = rules.get(i - 1);
            WaitingRules b = rules.get(i);
            if (a.city().equals(b.city()) && (a.to() == null || a.to().isAfter(b.from()))) {
                throw new IllegalStateException("轮候规则 " + a.file() + " 与 " + b.file() + " 同时有效（城市 " + a.city()
                        + "）：请给前一个写上失效日期（不晚于 " + b.from() + "）");
            }
        }
        this.all = List.copyOf(rules);
    }

    /** Every rule file read, by city and date. */
    public List<WaitingRules> all() {
        return all;
    }

    /**
     * The rules of {@code city} in force on {@code day}.
     *
     * @throws Conflict naming what to configure when the city has none in force that day
     */
    public WaitingRules forCity(Region city, LocalDate day) {
        String code = city.code().length() >= 6 ? city.code().substring(0, 6) : city.code();
        List<WaitingRules> mine = all.stream().filter(r -> r.city().equals(code)).toList();
        return mine.stream().filter(r -> r.inForceOn(day)).findFirst().orElseThrow(() -> new Conflict(mine.isEmpty()
                ? city.name() + "尚未配置公租房轮候规则，无法排出轮候顺序或组织配租：请由市住房保障部门按 docs/WAITING.md 写好 "
                + code + " 的轮候规则文件（排序方式、优先群体或评分、配租方式、拒绝上限及后果、复核周期），放入 rental/waiting/ 或 "
                + "anju.rental.waiting-rules-dir 指定的目录"
                : city.name() + "的轮候规则在" + DAY.format(day) + "不在有效期内（已有：" + String.join("；", mine.stream()
                .map(r -> r.name() + " " + r.from() + " 起" + (r.to() == null ? "" : "，" + r.to() + " 失效")).toList())
                + "）：请补充该日期适用的规则文件"));
    }
}
