package org.anju.platform;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Points in time as the pages show them: Beijing time, whatever the server's or the database session's
 * zone (the JDBC driver hands timestamptz back at UTC). Templates call it as {@code ${@chinaTime.minute(t)}}.
 */
@Component("chinaTime")
public class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Today in Beijing — the day a user means, whatever the server's zone: a server at UTC is still on yesterday
     * from 00:00 to 08:00 Beijing time (a round's seed day, a decision's date, the month of a report would be off
     * by one). Never {@code LocalDate.now()} nor the database's {@code current_date} (ArchitectureRulesTest).
     */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** This month in Beijing (see {@link #today()}). */
    public static YearMonth thisMonth() {
        return YearMonth.now(ZONE);
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OFFICIAL = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

    /** 2023-12-05 14:30; "" for none. */
    public String minute(Object t) {
        return atMinute(t);
    }

    /** 2023-12-05 14:30:59; "" for none. */
    public String second(Object t) {
        return atSecond(t);
    }

    /** {@link #minute} for code: a message that names when something was done (2023-12-05 14:30, Beijing time). */
    public static String atMinute(Object t) {
        return format(t, MINUTE);
    }

    /** {@link #second} for code (2023-12-05 14:30:59, Beijing time). */
    public static String atSecond(Object t) {
        return format(t, SECOND);
    }

    /** 2025年3月2日 14:05:09, the official way of writing a date; "" for none. */
    public String official(Object t) {
        return format(t, OFFICIAL);
    }

    /** 14:30; "" for none. */
    public String clock(Object t) {
        return format(t, CLOCK);
    }

    private static String format(Object t, DateTimeFormatter f) {
        ZonedDateTime z = switch (t) {
            case null -> null;
            case Instant i -> i.atZone(ZONE);
            case OffsetDateTime o -> o.atZoneSameInstant(ZONE);
            case ZonedDateTime zd -> zd.withZoneSameInstant(ZONE);
            default -> throw new BadInput("不是时间点：" + t.getClass().getName());
        };
        return z == null ? "" : f.format(z);
    }

    /**
     * A moment as a sentence says it, Beijing time: 14:03 today, 12月3日 14:03 this year, else with the year
     * (2025年12月3日 14:03) — "已被王五于 14:03 修改".
     */
    public static String spoken(OffsetDateTime at) {
        ZonedDateTime t = at.atZoneSameInstant(ZONE);
        LocalDate today = today();
        String time = String.format("%02d:%02d", t.getHour(), t.getMinute());
        if (t.toLocalDate().equals(today)) {
            return time;
        }
        return (t.getYear() == today.getYear() ? "" : t.getYear() + "年") + t.getMonthValue() + "月" + t.getDayOfMonth()
                + "日 " + time;
    }
}
