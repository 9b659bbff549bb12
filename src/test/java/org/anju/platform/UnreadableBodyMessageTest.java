package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body Jackson could not read, said by its field and what the field takes ({@link ApiErrors#unreadableMessage}): an
 * unknown role was "请求内容不是有效的 JSON", a text for a figure "…，或字段 value 的取值不对" (operator trial of the
 * twentieth session). Read by the application's kind of mapper, as a request's body is.
 */
class UnreadableBodyMessageTest {

    enum Colour { RED, GREEN }

    record Form(List<Colour> colours, BigDecimal value, Integer version, long count, java.time.LocalDate day) {
    }

    private static String said(String json) {
        try {
            JsonMapper.builder().build().readValue(json, Form.class);
        } catch (RuntimeException e) {
            return ApiErrors.unreadableMessage(new HttpMessageNotReadableException("unreadable", e, null));
        }
        throw new AssertionError("read: " + json);
    }

    @Test
    void anUnknownEnumValueListsTheValues() {
        assertThat(said("{\"colours\":[\"RED\",\"FOO\"]}")).isEqualTo("字段 colours 的值「FOO」不对：应为 RED、GREEN 之一");
    }

    @Test
    void aTextForANumberSaysANumber() {
        assertThat(said("{\"value\":\"abc\"}")).isEqualTo("字段 value 的值「abc」不对：应为数字");
        assertThat(said("{\"count\":\"x\"}")).isEqualTo("字段 count 的值「x」不对：应为整数");
    }

    /** A date field's value says what is wrong with it, as the command line's date option does (review 21, L4). */
    @Test
    void aDateTheMonthLacksSaysSo() {
        assertThat(said("{\"day\":\"2023-02-30\"}")).isEqualTo("字段 day 的值「2023-02-30」不对：2023年2月没有30日（该月共 28 天）");
        assertThat(said("{\"day\":\"2023-2-3\"}")).isEqualTo("字段 day 的值「2023-2-3」不对：月和日都写两位，如 2023-02-03");
        assertThat(said("{\"day\":\"明天\"}")).isEqualTo("字段 day 的值「明天」不对：应为 2023-12-31 这样的日期（年-月-日）");
    }

    @Test
    void anIntegerOutOfRangeSaysSo() {
        assertThat(said("{\"version\":99999999999}")).startsWith("字段 version 的值").contains("整数", "-2147483648 到 2147483647");
        assertThat(said("{\"value\":\"%s\"}".formatted("x".repeat(100)))).as("the value cut")
                .isEqualTo("字段 value 的值「" + "x".repeat(30) + "…」不对：应为数字");
    }

    @Test
    void brokenJsonStaysBrokenJson() {
        assertThat(said("{\"value\":")).startsWith("请求内容不是有效的 JSON");
        assertThat(said("not json")).isEqualTo("请求内容不是有效的 JSON");
    }
}
