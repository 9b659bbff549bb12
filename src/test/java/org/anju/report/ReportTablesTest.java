package org.anju.report;

import org.anju.platform.ChinaTime;
import org.anju.platform.Table;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 审核 export's rows: people by the names the page shows, months and deadlines written the official way. */
class ReportTablesTest {

    static final Region CITY = new Region(1, "620700000000", "张掖市", RegionKind.PREFECTURE, 2, null, "620700");
    static final Region COUNTY = new Region(2, "620702000000", "甘州区", RegionKind.COUNTY, 3, 1, "620702");

    static Report report(String submittedBy, String reviewedBy, ReportStatus status) {
        OffsetDateTime at = OffsetDateTime.of(2024, 1, 4, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        return new Report(7L, COUNTY.code(), COUNTY.name(), YearMonth.of(2023, 12), status, 3, LocalDate.of(2024, 1, 5),
                at, submittedBy, reviewedBy == null ? null : at.plusDays(1), reviewedBy, null, List.of(), List.of(),
                List.of(), true);
    }

    static List<String> texts(List<Table.Cell> row) {
        return row.stream().map(c -> c instanceof Table.Text t ? t.value() : c.toString()).toList();
    }

    @Test
    void pendingNamesTheSubmitterAndWritesChineseDates() {
        var box = new ReportInbox.Inbox(CITY, YearMonth.of(2023, 12), LocalDate.of(2024, 1, 5),
                List.of(report("gzq_reporter", null, ReportStatus.SUBMITTED)), List.of(), Map.of());
        Table t = ReportTables.pending(box, Map.of("gzq_reporter", "王小明"), new ChinaTime());
        assertThat(texts(t.rows().getFirst())).containsExactly("甘州区", "2023年12月", "2024-01-04 10:00", "王小明",
                "2024年1月5日", "");
        // a username the names do not hold is printed as it is, not dropped
        assertThat(texts(ReportTables.pending(box, Map.of(), new ChinaTime()).rows().getFirst()).get(3)).isEqualTo("gzq_reporter");
    }

    @Test
    void unitsNameTheReviewerAndTheDeadlineIsChinese() {
        var line = new ReportInbox.InboxLine(COUNTY, report("gzq_reporter", "zy_admin", ReportStatus.APPROVED), false, false);
        var box = new ReportInbox.Inbox(CITY, YearMonth.of(2023, 12), LocalDate.of(2024, 1, 5), List.of(), List.of(line), Map.of());
        Table t = ReportTables.inboxUnits(box, Map.of("zy_admin", "李主任"), new ChinaTime());
        assertThat(texts(t.rows().getFirst()).get(3)).isEqualTo("李主任");
        assertThat(t.subtitle()).isEqualTo("审核单位：张掖市　报送期限：2024年1月5日");
    }
}
