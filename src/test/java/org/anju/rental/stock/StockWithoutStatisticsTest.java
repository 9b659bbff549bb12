package org.anju.rental.stock;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stock import's dwellings and their 录入 events are written with work in proportion to the dwellings, whatever the
 * tables' statistics say. With the statistics the autovacuum leaves after the tables were emptied (reltuples 0 on the
 * pages it keeps — a trial load deleted, then the real one), the events' statement looked for the dwellings without an
 * event by reading every stored event once per new dwelling (review of the eighteenth session: 9.8 s for 2,000 beside
 * 40,000). Here 500 dwellings are entered beside 4,000 in that state (in a transaction, rolled back) and the plans of
 * every statement the insert ran, nested ones too, are read from {@code auto_explain}.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=rental_stock_statistics")
class StockWithoutStatisticsTest {

    static final int STORED = 4_000;
    static final int ENTERED = 500;

    @Autowired
    StockRepository repository;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Regions regions;

    @Test
    void theDwellingsAndTheirEventsAreWrittenWithoutReadingTheStoredOnes() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            int county = regions.byCode("620702").orElseThrow().id();
            template.update("""
                    insert into rental_estate (region_id, name, programme, name_key)
                    values (?, '统计信息测试小区', 'PUBLIC_RENTAL', '统计信息测试小区')""", county);
            template.update("""
                    insert into rental_building (estate_id, name, name_key)
                    select currval('rental_estate_id_seq'), g || '号楼', g || '号楼' from generate_series(1, ?) g""",
                    STORED / 100 + 5);
            template.update("""
                    insert into rental_dwelling (building_id, room_no, dwelling_key, status, status_on, entered_on)
                    select b.id, g::text, g::text, 'VACANT', date '2024-01-01', date '2024-01-01'
                    from (select id from rental_building where estate_id = currval('rental_estate_id_seq')
                          order by id limit ?) b, generate_series(1, 100) g""", STORED / 100);
            template.update("""
                    insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on)
                    select id, 1, 'ENTER', status, status_on from rental_dwelling""");
            AutoExplain.emptiedStatistics(template, "rental_dwelling", "rental_dwelling_event", "rental_building");
            List<Long> fresh = template.queryForList("""
                    select id from rental_building where estate_id = currval('rental_estate_id_seq')
                    order by id desc limit 5""", Long.class);
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < ENTERED; i++) {
                json.append(i == 0 ? "" : ",").append("{\"building_id\":").append(fresh.get(i % fresh.size()))
                        .append(",\"entrance\":\"\",\"room_no\":\"").append(1000 + i).append("\",\"dwelling_key\":\"")
                        .append(1000 + i).append("\",\"status\":\"VACANT\"}");
            }
            json.append(']');

            List<JsonNode> plans;
            int entered;
            AutoExplain.on(template);
            try (AutoExplain.Captured captured = new AutoExplain.Captured()) {
                entered = repository.insertDwellings(json.toString(), LocalDate.of(2025, 1, 2), "t_statistics");
                plans = captured.plans();
            }
            template.execute("set auto_explain.log_min_duration = -1");

            assertThat(entered).isEqualTo(ENTERED);
            assertThat(template.queryForObject("""
                    select count(*) from rental_dwelling d join rental_dwelling_event e on e.dwelling_id = d.id
                    where d.building_id in (%s) and e.step = 'ENTER' and e.seq = 1 and e.by_user = 't_statistics'
                      and e.effective_on = date '2025-01-02'""".formatted(fresh.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","))), Long.class))
                    .as("one 录入 event for each dwelling entered").isEqualTo(ENTERED);
            assertThat(plans).as("the statements' plans").isNotEmpty()
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("insert into rental_dwelling_event"));
            for (JsonNode p : plans) {
                assertThat(AutoExplain.handled(p)).as("rows handled by %s", AutoExplain.firstLine(p))
                        .isLessThan(10L * ENTERED);
            }
        });
    }
}
