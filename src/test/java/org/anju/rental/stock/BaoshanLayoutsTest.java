package org.anju.rental.stock;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 户型 names a real district platform publishes (宝山区公租房, see {@code rental/stock/real/310113-baoshan-bsgzf}):
 * 一居室 … 四居室, 一室户 … 三室户 (Shanghai's usual word), variants 二居室A户型 and 二室户B, a remark in brackets
 * 一居室（单身公寓）, and 户型一. Each that states its rooms is read as that number; 户型一 states none and stays unread.
 */
class BaoshanLayoutsTest {

    static final Path FILE = Path.of("src/test/resources/rental/stock/real/310113-baoshan-bsgzf/bsgz-projects.json");

    /**
     * Every houseTypeName of the file with the rooms the platform's own code gives it: {@code roomType} "211" is 2 室
     * 1 厅 1 卫 — the publisher's answer, not the test's reading of the names.
     */
    static Map<String, java.util.Set<Integer>> names() {
        JsonNode root = JsonMapper.builder().build().readTree(FILE.toFile());
        Map<String, java.util.Set<Integer>> names = new TreeMap<>();
        int entries = 0;
        for (JsonNode project : root.get("pageContent")) {
            for (JsonNode group : project.get("roomTypeDetails")) {
                for (JsonNode type : group.get("houseTypeList")) {
                    names.computeIfAbsent(type.get("houseTypeName").asString(), k -> new java.util.TreeSet<>())
                            .add(type.get("roomType").asString().charAt(0) - '0');
                    entries++;
                }
            }
        }
        assertThat(entries).isEqualTo(165);
        return names;
    }

    @Test
    void everyPublishedLayoutThatStatesItsRoomsIsReadAsThePublishersCount() {
        Map<String, java.util.Set<Integer>> names = names();
        assertThat(names).hasSize(22);
        java.util.Set<String> unread = new java.util.TreeSet<>();
        names.forEach((name, codes) -> {
            assertThat(codes).as("the platform gives one count per name: %s", name).hasSize(1);
            Layouts.rooms(name).ifPresentOrElse(
                    rooms -> assertThat(rooms).as("%s (roomType %s)", name, codes).isEqualTo(codes.iterator().next()),
                    () -> unread.add(name));
        });
        // 户型一 states no rooms (its code says 1): the list must say them, the name alone is not read
        assertThat(unread).containsExactly("户型一");
    }

    @Test
    void aVariantOrRemarkNeverStandsInForTheRooms() {
        assertThat(Layouts.rooms("A户型")).isEmpty();
        assertThat(Layouts.rooms("户型A")).isEmpty();
        assertThat(Layouts.rooms("（单身公寓）")).isEmpty();
        assertThat(Layouts.rooms("单身公寓（两室）")).isEmpty();
        // a remark that states other rooms than the layout: not read, the list must say which
        assertThat(Layouts.rooms("一居室（两室一厅）")).isEmpty();
        assertThat(Layouts.rooms("二室户（两室一厅）")).contains(2);
        assertThat(Layouts.rooms("二室户外")).isEmpty();
        assertThat(Layouts.rooms("二居室AB")).isEmpty();
        // a remark with another count of rooms, whatever its words (review 26 M3)
        assertThat(Layouts.rooms("二室（实为一室）")).isEmpty();
        assertThat(Layouts.rooms("两室一厅（可改三室）")).isEmpty();
        assertThat(Layouts.rooms("两室一厅（三人间）")).contains(2);
        assertThat(Layouts.rooms("两室一厅（两室朝南）")).contains(2);
    }
}
