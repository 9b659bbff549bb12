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

    /** Every houseTypeName of the file with how many 房型 entries carry it. */
    static Map<String, Integer> names() {
        JsonNode root = JsonMapper.builder().build().readTree(FILE.toFile());
        Map<String, Integer> names = new TreeMap<>();
        for (JsonNode project : root.get("pageContent")) {
            for (JsonNode group : project.get("roomTypeDetails")) {
                for (JsonNode type : group.get("houseTypeList")) {
                    names.merge(type.get("houseTypeName").asString(), 1, Integer::sum);
                }
            }
        }
        return names;
    }

    @Test
    void everyPublishedLayoutThatStatesItsRoomsIsReadAsThatNumber() {
        Map<String, Integer> names = names();
        assertThat(names.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(165);
        Map<String, Integer> read = new TreeMap<>();
        names.keySet().forEach(n -> read.put(n, Layouts.rooms(n).orElse(null)));
        Map<String, Integer> expected = new TreeMap<>();
        expected.put("一居室", 1);
        expected.put("一居室A户型", 1);
        expected.put("一居室B户型", 1);
        expected.put("一居室C户型", 1);
        expected.put("一居室D户型", 1);
        expected.put("一居室E户型", 1);
        expected.put("一居室（单身公寓）", 1);
        expected.put("一室户", 1);
        expected.put("二居室", 2);
        expected.put("二居室A户型", 2);
        expected.put("二居室B户型", 2);
        expected.put("二居室C户型", 2);
        expected.put("二居室D户型", 2);
        expected.put("二室户", 2);
        expected.put("二室户A", 2);
        expected.put("二室户B", 2);
        expected.put("二室户C", 2);
        expected.put("二室户D", 2);
        expected.put("三居室", 3);
        expected.put("三室户", 3);
        expected.put("四居室", 4);
        expected.put("户型一", null);
        assertThat(read).isEqualTo(expected);
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
    }
}
