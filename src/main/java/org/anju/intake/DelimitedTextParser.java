package org.anju.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV and TSV with RFC 4180 quoting: a field that starts with a double quote runs to the matching
 * quote, may hold delimiters, line breaks (kept as "\n") and doubled quotes (one quote). A quote
 * inside an unquoted field is an ordinary character. A quoted field that is never closed, or text
 * right after a closing quote, is an error (it would shift the cells that follow).
 *
 * <p>The delimiter (comma, tab or semicolon) is the one that splits the first records most
 * consistently into more than one field; the file extension breaks ties.
 *
 * <p>A record's number is the physical line where it starts. Records without any text are left
 * out; a record of a single field (a line without delimiter, e.g. a title) is prose. Fields are
 * trimmed of ASCII and full-width spaces; trailing empty fields are kept as they are in the file.
 */
final class DelimitedTextParser {

    static final char[] CANDIDATES = {',', '\t', ';'};
    private static final int SAMPLE_RECORDS = 100;

    private DelimitedTextParser() {
    }

    record Record(int line, List<String> fields) {
    }

    /** Thrown while parsing; located by record line and field (1-based). */
    static final class Malformed extends Exception {
        final int line;
        final int field;

        Malformed(int line, int field, String message) {
            super(message, null, false, false);
            this.line = line;
            this.field = field;
        }
    }

    static char detectDelimiter(String text, char hint) {
        char best = hint;
        int bestScore = -1;
        List<Character> order = new ArrayList<>();
        order.add(hint);
        for (char c : CANDIDATES) {
            if (c != hint) {
                order.add(c);
            }
        }
        for (char candidate : order) {
            int score = consistency(text, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** How many of the first records have the most common field count (counting only counts > 1). */
    private static int consistency(String text, char delimiter) {
        List<Record> sample;
        try {
            sample = records(text, delimiter, SAMPLE_RECORDS);
        } catch (Malformed e) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (Record record : sample) {
            if (record.fields().size() > 1) {
                counts.merge(record.fields().size(), 1, Integer::sum);
            }
        }
        return counts.values().stream().max(Integer::compare).orElse(0);
    }

    static List<SourceRow> parse(String text, char delimiter) throws Malformed {
        List<SourceRow> rows = new ArrayList<>();
        for (Record record : records(text, delimiter, Integer.MAX_VALUE)) {
            List<String> cells = record.fields().stream().map(CellText::strip).toList();
            if (CellText.contentWidth(cells) == 0) {
                continue;
            }
            rows.add(cells.size() == 1 ? SourceRow.prose(record.line(), cells.getFirst())
                    : new SourceRow(record.line(), cells, false));
        }
        return rows;
    }

    static List<Record> records(String text, char delimiter, int limit) throws Malformed {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int n = text.length();
        int i = 0;
        while (i < n && records.size() < limit) {
            char c = text.charAt(i);
            if (c == '"' && CellText.isBlank(field)) {
                // quoted field (spaces before the opening quote are tolerated)
                field.setLength(0);
                int fieldLine = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            closed = true;
                            i++;
                            break;
                        }
                    } else if (q == '\r' || q == '\n') {
                        field.append('\n');
                        line++;
                        i += q == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                if (!closed) {
                    throw new Malformed(recordLine, fields.size() + 1,
                            "引号没有闭合：从第 " + fieldLine + " 行开始的带引号字段一直到文件末尾都没有结束的引号");
                }
                // only spaces may follow the closing quote (they are trimmed later)
                while (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    if (!CellText.isSpace(text.charAt(i))) {
                        throw new Malformed(line, fields.size() + 1,
                                "带引号的字段在结束引号后还有多余的字符（字段内的引号应写成两个引号 \"\"）");
                    }
                    i++;
                }
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                i++;
            }
        }
        if (records.size() < limit && (!fields.isEmpty() || !field.isEmpty())) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
