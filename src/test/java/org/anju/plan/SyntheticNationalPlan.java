package org.anju.plan;

import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A national plan as a ministry would issue it, for tests and benchmarks: seven breakdown tables
 * (15 indicators) with a row for the nation, every province, every prefecture and every county-level
 * division, parents printed as the sums of their units. Tab-separated text, like the seeds.
 */
public final class SyntheticNationalPlan {

    /** One breakdown table: title, 单位 line and the column headers (one indicator each). */
    private record Sheet(String title, String unitLine, List<String> headers, int scale) {
    }

    private static final List<Sheet> SHEETS = List.of(
            new Sheet("2025年发展保障性租赁住房目标任务分解表", "单位：套、间", List.of("筹集（开工）", "基本建成"), 0),
            new Sheet("2025年公共租赁住房目标任务分解表", "单位：套", List.of("新建（筹集）"), 0),
            new Sheet("2025年租赁补贴发放任务分解表", "单位：户", List.of("年度计划发放户数"), 0),
            new Sheet("2025年城市棚户区改造目标任务分解表", "单位：套", List.of("开工", "基本建成"), 0),
            new Sheet("2025年国有工矿棚户区改造目标任务分解表", "单位：套", List.of("开工"), 0),
            new Sheet("2025年城镇老旧小区改造开工任务数", null,
                    List.of("面积（万平方米）", "户数（户）", "小区个数（个）", "楼栋数（栋）"), 2),
            new Sheet("2025年城镇老旧小区改造完成任务数", null,
                    List.of("面积（万平方米）", "户数（户）", "小区个数（个）", "楼栋数（栋）"), 2));

    public static final int INDICATORS = SHEETS.stream().mapToInt(s -> s.headers().size()).sum();

    private SyntheticNationalPlan() {
    }

    /** The plan's text; the same seed gives the same figures. */
    public static String text(Regions regions, long seed) {
        StringBuilder b = new StringBuilder("关于下达2025年全国保障性安居工程建设工作计划的通知\n\n");
        int n = 0;
        for (Sheet sheet : SHEETS) {
            SplittableRandom random = new SplittableRandom(seed + n);
            b.append("附件").append(++n).append('\n').append(sheet.title()).append('\n');
            if (sheet.unitLine() != null) {
                b.append(sheet.unitLine()).append('\n');
            }
            b.append("地区");
            sheet.headers().forEach(h -> b.append('\t').append(h));
            b.append('\n');
            List<String> lines = new ArrayList<>();
            long[] total = rows(regions, regions.root(), sheet, random, lines);
            b.append(line("合计", total, sheet.scale()));
            lines.forEach(b::append);
            b.append('\n');
        }
        return b.toString();
    }

    /** Appends the rows under a region (depth first) and returns their sums, in hundredths for areas. */
    private static long[] rows(Regions regions, Region parent, Sheet sheet, SplittableRandom random, List<String> out) {
        long[] sum = new long[sheet.headers().size()];
        for (Region child : regions.children(parent)) {
            switch (child.kind()) {
                case COUNTY -> {
                    long[] v = new long[sum.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = 1 + random.nextInt(sheet.scale() > 0 && i == 0 ? 5000 : 800);
                        sum[i] += v[i];
                    }
                    out.add(line(child.name(), v, sheet.scale()));
                }
                case PROVINCE, PREFECTURE -> {
                    List<String> below = new ArrayList<>();
                    long[] v = rows(regions, child, sheet, random, below);
                    if (below.isEmpty()) {
                        continue;
                    }
                    out.add(line(child.name(), v, sheet.scale()));
                    out.addAll(below);
                    for (int i = 0; i < v.length; i++) {
                        sum[i] += v[i];
                    }
                }
                default -> {
                    // development zones, 市本级 and groups are not county-level divisions
                }
            }
        }
        return sum;
    }

    private static String line(String label, long[] values, int scale) {
        StringBuilder b = new StringBuilder(label);
        for (int i = 0; i < values.length; i++) {
            b.append('\t');
            if (scale > 0 && i == 0) {
                b.append(java.math.BigDecimal.valueOf(values[i], scale).toPlainString());
            } else {
                b.append(values[i]);
            }
        }
        return b.append('\n').toString();
    }

    public static long counties(Regions regions) {
        return regions.subtree(regions.root()).stream().filter(r -> r.kind() == RegionKind.COUNTY).count();
    }
}
