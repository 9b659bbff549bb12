package org.anju;

import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counties of the statistics tests of by-id reads: 章贡区 (360702) after {@code others} other counties of 赣州市, each
 * seeded by SQL with the triggers off, in a transaction rolled back. The county comes last, so its rows are the last
 * of every table and index: a scan that stops at its row reads everything before it (the by-id probe of the twentieth
 * session: 130,300 rows handled with the county first, 3,970,300 with it last).
 */
public final class SeededCounties {

    /** Seeds one county: {@code k} its place, 0 for the first. */
    public interface Seed {
        void seed(Region city, Region county, int k);
    }

    private SeededCounties() {
    }

    /** The county after the others: a scan that stops at its row reads every other county's first. */
    public static void lastAmongOthers(Regions regions, PlatformTransactionManager transactions, JdbcTemplate template,
                                       int others, Seed seed, Consumer<Region> reads) {
        amongOthers(regions, transactions, template, others, true, seed, reads);
    }

    /** The county before the others (the nineteenth session's county reads, seeded so). */
    public static void firstAmongOthers(Regions regions, PlatformTransactionManager transactions, JdbcTemplate template,
                                        int others, Seed seed, Consumer<Region> reads) {
        amongOthers(regions, transactions, template, others, false, seed, reads);
    }

    private static void amongOthers(Regions regions, PlatformTransactionManager transactions, JdbcTemplate template,
                                    int others, boolean last, Seed seed, Consumer<Region> reads) {
        Region city = regions.byCode("360700").orElseThrow();
        Region county = regions.byCode("360702").orElseThrow();
        Stream<Region> rest = regions.children(city).stream()
                .filter(r -> r.kind() == RegionKind.COUNTY && !r.equals(county)).limit(others);
        List<Region> counties = (last ? Stream.concat(rest, Stream.of(county)) : Stream.concat(Stream.of(county), rest))
                .toList();
        assertThat(counties).hasSize(others + 1);
        rolledBack(transactions, template, () -> {
            for (Region c : counties) {
                seed.seed(city, c, counties.indexOf(c));
            }
            return county;
        }, reads);
    }

    /**
     * {@code seed} with the triggers off — keys and audit: the seeded rows need not be whole — then {@code reads} with
     * them on, in one transaction rolled back, so nothing stays for the other tests; the seed's result goes to the reads.
     */
    public static <T> void rolledBack(PlatformTransactionManager transactions, JdbcTemplate template,
                                      java.util.function.Supplier<T> seed, Consumer<T> reads) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            template.update("set local session_replication_role = replica");
            T seeded = seed.get();
            template.update("set local session_replication_role = origin");
            reads.accept(seeded);
        });
    }

    /** A county's stock: two estates 小区{k}-1, -2 of ten buildings each, {@code perBuilding} vacant dwellings a building. */
    /** The prefectures and counties directly below {@code r} (no groups): the units an inbox of {@code r} reads. */
    public static long unitsBelow(JdbcTemplate template, Region r) {
        return template.queryForObject("select count(*) from region where parent_id = ? and kind in ('PREFECTURE', 'COUNTY')",
                Long.class, r.id());
    }

    public static void stock(JdbcTemplate template, int countyId, int k, int perBuilding) {
        estates(template, countyId, k, "小区", 2, 10);
        template.update("""
                insert into rental_dwelling (building_id, room_no, dwelling_key, status, status_on, entered_on)
                select b.id, r::text, r::text, 'VACANT', date '2024-01-01', date '2024-01-01'
                  from rental_building b join rental_estate e on e.id = b.estate_id, generate_series(1, ?) r
                 where e.region_id = ?""", perBuilding, countyId);
    }

    /**
     * Forty more estates of five buildings each, holding no dwellings: the estate and building tables get the pages a
     * country's have — a table of a few pages is read whole whatever its statistics, which hid the by-id cliffs.
     */
    public static void padStock(JdbcTemplate template, int countyId, int k) {
        estates(template, countyId, k, "其他小区", 40, 5);
    }

    /** {@code count} estates named {@code prefix}{k}-1 … of {@code buildings} buildings each (1号楼 …). */
    private static void estates(JdbcTemplate template, int countyId, int k, String prefix, int count, int buildings) {
        template.update("""
                insert into rental_estate (region_id, name, programme, name_key)
                select ?, ? || ? || '-' || j, 'PUBLIC_RENTAL', ? || ? || '-' || j from generate_series(1, ?) j""",
                countyId, prefix, k, prefix, k, count);
        template.update("""
                insert into rental_building (estate_id, name, name_key)
                select e.id, b || '号楼', b || '号楼' from rental_estate e, generate_series(1, ?) b
                 where e.region_id = ? and e.name like ? || '%'""", buildings, countyId, prefix);
    }
}
