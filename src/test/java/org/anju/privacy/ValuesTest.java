package org.anju.privacy;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phones, names and amounts: read as typed, normalized, refused in Chinese naming the field. */
class ValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "13812345678          | 13812345678",
            "138 1234 5678        | 13812345678",
            "138-1234-5678        | 13812345678",
            "+86 138 1234 5678    | 13812345678",
            "008613812345678      | 13812345678",
            "8613812345678        | 13812345678",
            "１９９１２３４５６７８ | 19912345678",
            "0791-86123456        | 0791-86123456",
            "(0791)86123456       | 0791-86123456",
            "（0791）8612345       | 0791-8612345",
            "079186123456         | 0791-86123456",
            "010-62345678         | 010-62345678",
            "021 5123 4567        | 021-51234567",
            "+86 791 86123456     | 0791-86123456",
            "０７９１－８６１２３４５６ | 0791-86123456",
    })
    void phonesAreReadAsTypedAndNormalized(String typed, String normalized) {
        Phone p = Phone.parse("联系电话", typed);
        assertThat(p.normalized()).isEqualTo(normalized);
        assertThat(p).isInstanceOf(normalized.contains("-") ? Phone.Landline.class : Phone.Mobile.class);
        assertThat(p.toString()).isEqualTo(p.masked()).doesNotContain(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                   | 不能为空",
            "12812345678          | 不是有效的手机号",
            "1381234567           | 不是有效的手机号",
            "138123456789         | 不是有效的手机号",
            "86123456             | 是固定电话时须带区号",
            "0791-0123456         | 不是有效的固定电话",
            "0791-861234567       | 不是有效的固定电话",
            "0012-86123456        | 不是有效的固定电话",
            "4008123456           | 不是有效的电话号码",
            "138-1234-5678 转 123  | 不支持分机号",
            "+1 415 555 0100      | 只收中国大陆的号码",
            "abc                  | 只能包含数字",
    })
    void phonesRefusedNamingTheField(String typed, String why) {
        assertThatThrownBy(() -> Phone.parse("申请人手机", typed)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("申请人手机").hasMessageContaining(why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "张三              | 张三",
            "' 张 三 '          | 张三",
            "' 欧阳 娜娜 '      | 欧阳娜娜",
            "John  Smith       | John Smith",
    })
    void namesLoseTheSpacesBetweenChineseCharacters(String typed, String normalized) {
        assertThat(PersonName.parse(typed).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "阿依古丽·买买提  | 阿依古丽·买买提",
            "阿依古丽•买买提  | 阿依古丽·买买提",
            "阿依古丽・买买提 | 阿依古丽·买买提",
            "阿依古丽.买买提  | 阿依古丽·买买提",
            "阿依古丽 · 买买提 | 阿依古丽·买买提",
    })
    void theLookAlikeDotsAreOneMiddleDotSoTheBlindIndexFindsTheName(String typed, String normalized) {
        assertThat(PersonName.parse(typed).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''          | 不能为空",
            "张三3       | 只能由文字组成",
            "张三!       | 只能由文字组成",
            "·张三       | 只能由文字组成",
            "张三··丰    | 只能由文字组成",
    })
    void namesRefusedNamingTheField(String typed, String why) {
        assertThatThrownBy(() -> PersonName.parse("家庭成员姓名", typed)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("家庭成员姓名").hasMessageContaining(why);
    }

    @Test
    void aNameOfMoreThanFiftyCharactersIsRefused() {
        assertThatThrownBy(() -> PersonName.parse("姓名", "张".repeat(51))).isInstanceOf(BadInput.class)
                .hasMessage("姓名不能超过 50 个字，现为 51 个");
        assertThat(PersonName.parse("张".repeat(50)).value()).hasSize(50);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "36500       | 36500.00",
            "36,500.5    | 36500.50",
            "３６５００．０５ | 36500.05",
            "0           | 0.00",
            "100000000   | 100000000.00",
    })
    void amountsInYuanWithTwoDecimals(String typed, String normalized) {
        Amount a = Amount.parse("家庭年收入", typed);
        assertThat(a.normalized()).isEqualTo(normalized);
        assertThat(a.yuan()).isEqualByComparingTo(new BigDecimal(normalized));
        assertThat(a.toString()).isEqualTo("***");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''          | 不能为空",
            "-1          | 不能为负数",
            "12.345      | 最多两位小数",
            "100000000.01 | 超出合理范围",
            "3万         | 不是数字",
            "1e5         | 不是数字",
    })
    void amountsRefusedNamingTheField(String typed, String why) {
        assertThatThrownBy(() -> Amount.parse("家庭年收入", typed)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("家庭年收入").hasMessageContaining(why)
                .satisfies(e -> assertThat(typed.isEmpty() || !e.getMessage().contains(typed)).as("never echoes the value").isTrue());
    }
}
