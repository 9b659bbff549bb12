package org.anju.calendar;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The notices in {@code src/main/resources/calendar/}: {@code <year>.txt} is the notice verbatim under a header
 * ({@code 原文：} the gov.cn address, {@code 取自：} the page the text was copied from, optionally {@code 同文：}, then a
 * blank line); {@code <year>.csv} is the table derived from it ({@code date,kind,holiday}), which
 * {@code HolidayNoticeTest} re-derives from the text on every build. A broken file is our own data: a bug
 * ({@link IllegalStateException}), never a refusal.
 */
final class NoticeSource {

    static final String LOCATION = "classpath*:calendar/";
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("国办发明电〔\\d{4}〕\\d+号");
    private static final Pattern ISSUED = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    /** A notice with its days. */
    record Loaded(HolidayNotice notice, List<CalendarDay> days) {
    }

    private NoticeSource() {
    }

    /** Every notice in the resources, by year. */
    static List<Loaded> read() {
        List<Loaded> all = new ArrayList<>();
        for (Resource txt : resources("*.txt")) {
            Matcher m = YEAR_FILE.matcher(txt.getFilename());
            if (!m.matches()) {
                throw new IllegalStateException("calendar/ 下的文件名应为四位年份.txt：" + txt.getFilename());
            }
            int year = Integer.parseInt(m.group(1));
            HolidayNotice notice = notice(year, text(txt));
            all.add(new Loaded(notice, days(year, text(resource(year + ".csv")))));
        }
        all.sort(Comparator.comparingInt(l -> l.notice().year()));
        return all;
    }

    /** The national calendar of the resources, as the database will hold it (for tests without a database). */
    static NationalCalendar calendar() {
        List<Loaded> all = read();
        return new NationalCalendar(all.stream().map(Loaded::notice).toList(),
                all.stream().flatMap(l -> l.days().stream()).toList());
    }

    /** CRC32 over every file, so that Flyway reloads the notices when one is added or changed. */
    static int checksum() {
        CRC32 crc = new CRC32();
        List<Resource> files = new ArrayList<>(resources("*.txt"));
        files.addAll(resources("*.csv"));
        files.sort(Comparator.comparing(Resource::getFilename));
        for (Resource r : files) {
            crc.update(r.getFilename().getBytes(StandardCharsets.UTF_8));
            crc.update(text(r).getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    static HolidayNotice notice(int year, String file) {
        String[] parts = file.replace("\r\n", "\n").split("\n\n", 2);
        if (parts.length < 2) {
            throw new IllegalStateException(year + ".txt：抬头（原文：…、取自：…）与通知正文之间应有一个空行");
        }
        String official = null;
        String copy = null;
        for (String line : parts[0].lines().toList()) {
            if (line.startsWith("原文：")) {
                official = line.substring(3).strip();
            } else if (line.startsWith("取自：")) {
                copy = line.substring(3).strip();
            } else if (!line.startsWith("同文：")) {
                throw new IllegalStateException(year + ".txt：抬头只能有“原文：”“取自：”“同文：”行：" + line);
            }
        }
        if (official == null || !official.startsWith("https://www.gov.cn/") || copy == null || !copy.startsWith("http")) {
            throw new IllegalStateException(year + ".txt：抬头应给出“原文：”（中国政府网地址）和“取自：”（正文取自的网页）");
        }
        String text = parts[1].strip();
        List<String> lines = text.lines().toList();
        String title = lines.getFirst();
        if (!title.equals(NationalCalendar.title(year))) {
            throw new IllegalStateException(year + ".txt：正文第一行应为标题“" + NationalCalendar.title(year) + "”：" + title);
        }
        String number = lines.size() > 1 && DOCUMENT_NUMBER.matcher(lines.get(1)).matches() ? lines.get(1) : null;
        Matcher issued = ISSUED.matcher(lines.getLast());
        if (!issued.matches()) {
            throw new IllegalStateException(year + ".txt：正文最后一行应为成文日期（如 2024年11月12日）：" + lines.getLast());
        }
        LocalDate issuedOn = LocalDate.of(Integer.parseInt(issued.group(1)), Integer.parseInt(issued.group(2)),
                Integer.parseInt(issued.group(3)));
        return new HolidayNotice(year, title, number, issuedOn, official, copy, text);
    }

    /**
     * The derived table: {@code date,kind,holiday} under a header line, {@code #} lines are comments. Dates lie in the
     * notice's year or late December of the year before; a WORK day is a weekend day (a weekday is worked anyway).
     */
    static List<CalendarDay> days(int year, String csv) {
        List<CalendarDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        boolean header = false;
        int lineNo = 0;
        for (String line : csv.lines().toList()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals("date,kind,holiday")) {
                    throw new IllegalStateException(year + ".csv 第" + lineNo + "行：表头应为 date,kind,holiday：" + line);
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            String where = year + ".csv 第" + lineNo + "行";
            if (f.length != 3 || f[2].isBlank()) {
                throw new IllegalStateException(where + "：应为 日期,OFF|WORK,节日：" + line);
            }
            LocalDate date;
            DayKind kind;
            try {
                date = LocalDate.parse(f[0]);
                kind = DayKind.valueOf(f[1]);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalStateException(where + "：" + line, e);
            }
            if (date.getYear() != year && !(date.getYear() == year - 1 && date.getMonthValue() == 12)) {
                throw new IllegalStateException(where + "：日期不在" + year + "年（或上年12月）：" + date);
            }
            if (kind == DayKind.WORK && !NationalCalendar.weekend(date)) {
                throw new IllegalStateException(where + "：调休上班日应为周末：" + date + " " + date.getDayOfWeek());
            }
            if (!seen.add(date)) {
                throw new IllegalStateException(where + "：日期重复：" + date);
            }
            days.add(new CalendarDay(date, kind, f[2], year));
        }
        if (days.isEmpty()) {
            throw new IllegalStateException(year + ".csv 没有日期");
        }
        return days;
    }

    private static List<Resource> resources(String pattern) {
        try {
            return Arrays.asList(new PathMatchingResourcePatternResolver().getResources(LOCATION + pattern));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource resource(String name) {
        List<Resource> found = resources(name);
        if (found.isEmpty() || !found.getFirst().exists()) {
            throw new IllegalStateException("calendar/" + name + " 不存在：每份通知（年份.txt）都要有推导出的日期表（年份.csv）");
        }
        return found.getFirst();
    }

    private static String text(Resource r) {
        try (var in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
