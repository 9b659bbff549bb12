package org.anju.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data cannot drift from the notices: each {@code calendar/<year>.csv} is what {@link NoticeParser} reads out of
 * {@code <year>.txt}, the notice verbatim. After adding or correcting a notice, write the tables anew with
 * {@code ./mvnw -o -q test -Dtest=HolidayNoticeTest -Danju.calendar.write=true} and read the diff. Plain JUnit.
 */
class HolidayNoticeTest {

    static final Path RESOURCES = Path.of("src/main/resources/calendar");

    @Test
    void eachTableIsWhatItsNoticeSays() throws IOException {
        boolean write = Boolean.getBoolean("anju.calendar.write");
        List<Path> notices;
        try (var files = Files.list(RESOURCES)) {
            notices = files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(notices).extracting(f -> f.getFileName().toString()).containsExactly("2024.txt", "2025.txt", "2026.txt");
        for (Path txt : notices) {
            int year = Integer.parseInt(txt.getFileName().toString().substring(0, 4));
            HolidayNotice notice = NoticeSource.notice(year, Files.readString(txt));
            List<CalendarDay> derived = NoticeParser.parse(year, notice.text());
            Path table = RESOURCES.resolve(year + ".csv");
            if (write) {
                Files.writeString(table, csv(year, derived), StandardCharsets.UTF_8);
            }
            assertThat(table).as(year + ".csv is missing: write it with -Danju.calendar.write=true").exists();
            assertThat(NoticeSource.days(year, Files.readString(table))).as(year + ".csv is not what " + year
                    + ".txt says: rewrite it with -Danju.calendar.write=true and read the diff").containsExactlyElementsOf(derived);
        }
    }

    static String csv(int year, List<CalendarDay> days) {
        return "# 由 " + year + ".txt 推导，勿手改：HolidayNoticeTest 每次构建从原文重新推导并比较；重写：\n"
                + "# ./mvnw -o -q test -Dtest=HolidayNoticeTest -Danju.calendar.write=true\n"
                + "date,kind,holiday\n"
                + days.stream().map(d -> d.date() + "," + d.kind() + "," + d.holiday() + "\n").collect(Collectors.joining());
    }

    @Test
    void eachNoticeSaysWhereItIsFrom() {
        for (NoticeSource.Loaded l : NoticeSource.read()) {
            HolidayNotice n = l.notice();
            assertThat(n.officialUrl()).startsWith("https://www.gov.cn/zhengce/content/");
            assertThat(n.copyUrl()).startsWith("http");
            assertThat(n.title()).isEqualTo("国务院办公厅关于" + n.year() + "年部分节假日安排的通知");
            assertThat(n.text()).contains("国务院办公厅\n").doesNotContain(",", ":", "(", ")");  // full-width as printed
            assertThat(n.issuedOn().getYear()).isEqualTo(n.year() - 1);
        }
        Map<Integer, HolidayNotice> byYear = NoticeSource.read().stream()
                .collect(Collectors.toMap(l -> l.notice().year(), NoticeSource.Loaded::notice));
        assertThat(byYear.get(2024).documentNumber()).isEqualTo("国办发明电〔2023〕7号");
        assertThat(byYear.get(2024).issuedOn()).isEqualTo(LocalDate.of(2023, 10, 25));
        assertThat(byYear.get(2025).issuedOn()).isEqualTo(LocalDate.of(2024, 11, 12));
        assertThat(byYear.get(2026).issuedOn()).isEqualTo(LocalDate.of(2025, 11, 4));
        // the 2025 notice applies the amended 全国年节及纪念日放假办法: 除夕 and 5月2日 became holidays
        assertThat(byYear.get(2025).text()).contains("根据2024年11月修订的《全国年节及纪念日放假办法》",
                "全体公民放假的假日增加2天，其中春节、劳动节各增加1天");
    }

    /** Read by a person from the notices, independently of the parser. */
    @Test
    void theDaysAsReadByHand() {
        Map<LocalDate, CalendarDay> days = NoticeSource.read().stream().flatMap(l -> l.days().stream())
                .collect(Collectors.toMap(CalendarDay::date, d -> d));
        // 2024 国庆节: 10-01…10-07 off, Sunday 09-29 and Saturday 10-12 worked
        for (int d = 1; d <= 7; d++) {
            assertThat(days.get(LocalDate.of(2024, 10, d))).isEqualTo(new CalendarDay(LocalDate.of(2024, 10, d), DayKind.OFF, "国庆节", 2024));
        }
        assertThat(days.get(LocalDate.of(2024, 9, 29)).kind()).isEqualTo(DayKind.WORK);
        assertThat(days.get(LocalDate.of(2024, 10, 12)).kind()).isEqualTo(DayKind.WORK);
        // 2024: 除夕 (02-09) only encouraged as a day off — not a holiday
        assertThat(days).doesNotContainKey(LocalDate.of(2024, 2, 9));
        // 2025 春节: 8 days from 除夕 (01-28…02-04), 01-26 and 02-08 worked; 劳动节 5 days, 04-27 worked
        assertThat(days.values().stream().filter(d -> d.holiday().equals("春节") && d.notice() == 2025
                && d.kind() == DayKind.OFF).map(CalendarDay::date))
                .containsExactlyInAnyOrderElementsOf(LocalDate.of(2025, 1, 28).datesUntil(LocalDate.of(2025, 2, 5)).toList());
        assertThat(days.get(LocalDate.of(2025, 1, 26)).kind()).isEqualTo(DayKind.WORK);
        assertThat(days.get(LocalDate.of(2025, 2, 8)).kind()).isEqualTo(DayKind.WORK);
        assertThat(days.get(LocalDate.of(2025, 5, 5)).kind()).isEqualTo(DayKind.OFF);
        assertThat(days.get(LocalDate.of(2025, 4, 27)).kind()).isEqualTo(DayKind.WORK);
        // 2025: 国庆节 and 中秋节 together, 8 days
        assertThat(days.get(LocalDate.of(2025, 10, 8)).holiday()).isEqualTo("国庆节、中秋节");
        // 2026 春节: 9 days from 腊月二十八 (02-15…02-23)
        assertThat(days.get(LocalDate.of(2026, 2, 15)).kind()).isEqualTo(DayKind.OFF);
        assertThat(days.get(LocalDate.of(2026, 2, 23)).kind()).isEqualTo(DayKind.OFF);
        assertThat(days.get(LocalDate.of(2026, 2, 28)).kind()).isEqualTo(DayKind.WORK);
        // counts: days off and weekend days worked per year
        Map<Integer, Map<DayKind, Long>> counts = days.values().stream().collect(Collectors.groupingBy(CalendarDay::notice,
                Collectors.groupingBy(CalendarDay::kind, Collectors.counting())));
        assertThat(counts.get(2024)).containsEntry(DayKind.OFF, 28L).containsEntry(DayKind.WORK, 8L);
        assertThat(counts.get(2025)).containsEntry(DayKind.OFF, 28L).containsEntry(DayKind.WORK, 5L);
        assertThat(counts.get(2026)).containsEntry(DayKind.OFF, 33L).containsEntry(DayKind.WORK, 6L);
    }

    @Test
    void theParserRefusesWhatItCannotRead() {
        assertThatThrownBy(() -> NoticeParser.parse(2025, "一、元旦：1月1日（周四）放假1天，不调休。"))
                .hasMessageContaining("周四");                         // 2025-01-01 is a Wednesday
        assertThatThrownBy(() -> NoticeParser.parse(2025, "一、劳动节：5月1日至5日放假调休，共4天。"))
                .hasMessageContaining("共4天");
        assertThatThrownBy(() -> NoticeParser.parse(2025, "一、劳动节：5月1日至5日放假调休，共5天。4月29日上班。"))
                .hasMessageContaining("不是周末");
        // an older wording (2017) the parser does not know: refused, not half read
        assertThatThrownBy(() -> NoticeParser.parse(2017, "一、元旦：1月1日放假，1月2日（星期一）补休。"))
                .hasMessageContaining("补休");
        assertThatThrownBy(() -> NoticeParser.parse(2025, "一、元旦：1月1日放假。\n三、清明节：4月4日放假。"))
                .hasMessageContaining("第二项");
        // an explicit year reaches back into December (2023's notice: 2022-12-31)
        assertThat(NoticeParser.parse(2023, "一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。"))
                .extracting(CalendarDay::date).containsExactly(LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1),
                        LocalDate.of(2023, 1, 2));
    }
}
