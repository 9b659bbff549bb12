package org.anju.rental.lease;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cities' lease rules, read once from {@code rental/lease/*.tsv} on the class path (a file per city and programme;
 * a new version is a new file with a later 生效). A file that does not read stops the start with its problem: a
 * city's rules are never half-loaded.
 */
@Component
public class LeaseRuleBook {

    static final String LOCATION = "classpath*:rental/lease/*.tsv";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final List<LeaseRules> all;

    LeaseRuleBook() {
        this(load());
    }

    LeaseRuleBook(List<LeaseRules> all) {
        this.all = List.copyOf(all);
    }

    static List<LeaseRules> load() {
        try {
            List<LeaseRules> rules = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                rules.add(LeaseRules.parse(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            rules.sort(Comparator.comparing(LeaseRules::city).thenComparing(LeaseRules::programme)
                    .thenComparing(LeaseRules::effectiveFrom));
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule file loaded. */
    public List<LeaseRules> all() {
        return all;
    }

    /** The programmes a city has rules for on a day. */
    public List<LeaseRules> inForce(String cityCode, LocalDate day) {
        return all.stream().filter(r -> r.city().equals(cityCode) && r.inForceOn(day)).toList();
    }

    /**
     * The city's rules for {@code programme} on {@code day}; with {@code programme} blank, the city's only set.
     *
     * @throws Conflict when the city has none in force (saying what to configure)
     * @throws BadInput when the programme is not one of the city's, or the city has several and none is named
     */
    public LeaseRules rules(String cityCode, String cityName, String programme, LocalDate day) {
        List<LeaseRules> candidates = inForce(cityCode, day);
        if (candidates.isEmpty()) {
            throw new Conflict(cityName + "没有在" + DAY.format(day) + "有效的公租房租赁规则：请由该市按 rental/lease/"
                    + cityCode + "-项目.tsv 的格式配置（最长租期、续租申请、缴租日、租金减免、搬迁期、欠租与闲置期限、处罚、禁入年限）");
        }
        if (programme == null || programme.isBlank()) {
            if (candidates.size() > 1) {
                throw new BadInput(cityName + "有多套租赁规则，请指明项目：" + String.join("、",
                        candidates.stream().map(LeaseRules::programme).toList()));
            }
            return candidates.getFirst();
        }
        return candidates.stream().filter(r -> r.programme().equals(programme.strip())).findFirst()
                .orElseThrow(() -> new BadInput(cityName + "没有“" + programme.strip() + "”的租赁规则：可用的有 "
                        + String.join("、", candidates.stream().map(LeaseRules::programme).toList())));
    }

    /** The file a lease was signed under (name and 生效 date, as stored). */
    public LeaseRules byFile(String file, LocalDate from) {
        return all.stream().filter(r -> r.file().equals(file) && r.effectiveFrom().equals(from)).findFirst()
                .orElseThrow(() -> new Conflict("合同所依据的租赁规则 " + file + "（" + from + " 起）已不在系统中：请恢复该规则文件"));
    }
}
