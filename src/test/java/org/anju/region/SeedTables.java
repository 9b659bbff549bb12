package org.anju.region;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Rows of the breakdown tables in the seed documents (src/main/resources/seeds), for tests. */
final class SeedTables {

    /** A table row: the first cell (a unit's name) and the other cells; {@code attachment} is the 附件 number. */
    record Row(int attachment, int line, String label, List<String> values) {
        long value(int column) {
            String v = column < values.size() ? values.get(column) : "";
            return v.isBlank() ? 0 : Math.round(Double.parseDouble(v.replace("%", "")));
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?%?");
    private static final Pattern ATTACHMENT = Pattern.compile("附件(\\d+)(-\\d+)?");

    private SeedTables() {
    }

    static String text(String prefix) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:seeds/" + prefix + "_*.txt");
        if (found.length != 1) {
            throw new IllegalStateException("seed " + prefix + ": " + found.length + " files");
        }
        return found[0].getContentAsString(StandardCharsets.UTF_8);
    }

    /** Tables written one row per line, cells separated by tabs (seeds 001, 002, 004). */
    static List<Row> tabRows(String text) {
        List<Row> rows = new ArrayList<>();
        int attachment = 0;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            attachment = attachmentOf(line, attachment);
            if (!line.contains("\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            List<String> values = new ArrayList<>();
            for (int c = 1; c < cells.length; c++) {
                values.add(cells[c].trim());
            }
            if (isDataRow(cells[0], values)) {
                rows.add(new Row(attachment, i + 1, cells[0].trim(), values));
            }
        }
        return rows;
    }

    /** Tables written one cell per line, each cell indented by a tab, rows separated by blank lines (seed 000). */
    static List<Row> blockRows(String text) {
        List<Row> rows = new ArrayList<>();
        int attachment = 0;
        List<String> block = new ArrayList<>();
        int start = 0;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.startsWith("\t")) {
                if (block.isEmpty()) {
                    start = i + 1;
                }
                block.add(line.trim());
                continue;
            }
            if (!block.isEmpty()) {
                List<String> values = block.subList(1, block.size());
                if (isDataRow(block.getFirst(), values)) {
                    rows.add(new Row(attachment, start, block.getFirst(), List.copyOf(values)));
                }
                block.clear();
            }
            attachment = attachmentOf(line, attachment);
        }
        return rows;
    }

    private static int attachmentOf(String line, int current) {
        var m = ATTACHMENT.matcher(RegionNames.normalize(line));
        return m.matches() ? Integer.parseInt(m.group(1)) : current;
    }

    private static boolean isDataRow(String label, List<String> values) {
        if (label.isBlank() || NUMBER.matcher(label.trim()).matches()) {
            return false;
        }
        boolean anyNumber = false;
        for (String v : values) {
            if (v.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(v).matches()) {
                return false;
            }
            anyNumber = true;
        }
        return anyNumber;
    }
}
