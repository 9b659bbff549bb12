package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages show Beijing time, whatever offset the driver handed back (PostgreSQL's JDBC driver: UTC). */
class ChinaTimeTest {

    final ChinaTime time = new ChinaTime();

    @Test
    void utcFromTheDriverIsShownInBeijingTime() {
        OffsetDateTime utc = OffsetDateTime.of(2023, 12, 31, 17, 5, 9, 0, ZoneOffset.UTC);
        assertThat(time.minute(utc)).isEqualTo("2024-01-01 01:05");
        assertThat(time.second(utc.toInstant())).isEqualTo("2024-01-01 01:05:09");
        assertThat(time.clock(Instant.parse("2024-06-01T00:00:00Z"))).isEqualTo("08:00");
        assertThat(time.minute(OffsetDateTime.of(2024, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)))).isEqualTo("2024-06-01 09:00");
        assertThat(time.minute(null)).isEmpty();
        assertThatThrownBy(() -> time.minute("2024-06-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
