package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one paging convention: parsing page and size, refusals naming the parameter, page numbers offered. */
class PageRequestTest {

    @Test
    void blankMeansTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, PageRequest.DEFAULT_SIZE));
        assertThat(PageRequest.parse(" ", "")).isEqualTo(new PageRequest(1, 20));
        PageRequest third = PageRequest.parse("3", "20");
        assertThat(third.offset()).isEqualTo(40);
        assertThat(third.limit()).isEqualTo(20);
        assertThat(PageRequest.parse(" 2 ", "200").offset()).isEqualTo(200);
    }

    @Test
    void aMalformedOrOutOfRangeValueIsABadInputNamingTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> PageRequest.parse("abc", null)).isInstanceOf(BadInput.class)
                .hasMessageContaining("参数 page（页码）").hasMessageContaining("从 1 开始的整数").hasMessageContaining("“abc”");
        assertThatThrownBy(() -> PageRequest.parse("0", null)).isInstanceOf(BadInput.class)
                .hasMessageContaining("参数 page（页码）").hasMessageContaining("收到 0");
        assertThatThrownBy(() -> PageRequest.parse("-1", null)).isInstanceOf(BadInput.class).hasMessageContaining("“-1”");
        assertThatThrownBy(() -> PageRequest.parse("1.5", null)).isInstanceOf(BadInput.class).hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.parse("99999999999", null)).isInstanceOf(BadInput.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.parse(null, "100000")).isInstanceOf(BadInput.class)
                .hasMessageContaining("参数 size（每页条数）只能是 20、50、100 或 200").hasMessageContaining("100000");
        assertThatThrownBy(() -> PageRequest.parse(null, "30")).isInstanceOf(BadInput.class).hasMessageContaining("收到 30");
        assertThatThrownBy(() -> PageRequest.parse(null, "all")).isInstanceOf(BadInput.class).hasMessageContaining("“all”");
        assertThatThrownBy(() -> PageRequest.parse("x".repeat(500), null)).isInstanceOf(BadInput.class)
                .hasMessageContaining("…").satisfies(e -> assertThat(e.getMessage().length()).isLessThan(100));
    }

    @Test
    void aPageKnowsItsPagesAndRefusesAPageBeyondTheLast() {
        Page<String> p = Page.of(new PageRequest(2, 20), 45, List.of("a", "b"));
        assertThat(p.pages()).isEqualTo(3);
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.hasNext()).isTrue();
        assertThat(p.from()).isEqualTo(21);
        assertThat(p.to()).isEqualTo(22);
        assertThat(Page.of(PageRequest.first(), 0, List.of()).pages()).as("an empty list has one page").isEqualTo(1);
        assertThatThrownBy(() -> Page.of(new PageRequest(4, 20), 45, List.of())).isInstanceOf(BadInput.class)
                .hasMessageContaining("共 45 条、3 页，没有第 4 页");
        assertThat(Page.of(new PageRequest(3, 20), 45, List.of()).hasNext()).isFalse();
    }

    @Test
    void pageNumbersShowTheEndsAndTwoEitherSideWithGaps() {
        assertThat(Page.of(new PageRequest(6, 20), 20 * 67, List.of()).numbers())
                .containsExactly(1, 0, 4, 5, 6, 7, 8, 0, 67);
        assertThat(Page.of(new PageRequest(1, 20), 20 * 3, List.of()).numbers()).containsExactly(1, 2, 3);
        assertThat(Page.of(new PageRequest(1, 20), 20 * 10, List.of()).numbers()).containsExactly(1, 2, 3, 0, 10);
        assertThat(Page.of(new PageRequest(4, 20), 20 * 10, List.of()).numbers()).containsExactly(1, 2, 3, 4, 5, 6, 0, 10);
    }
}
