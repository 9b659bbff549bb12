package org.anju.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The masked forms pages show by default (rules and their grounds: {@link Masks}). */
class MasksTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "36010219900101123X, 3601**********123X",
            "110105194912310021, 1101**********0021",
            "12345678,           ********",
            "'',                 ''",
    })
    void idNumbersKeepTheFirstAndLastFour(String value, String masked) {
        assertThat(Masks.idNumber(value)).isEqualTo(masked);
        assertThat(PersonalField.ID_NUMBER.mask(value)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "13812341234,   138****1234",
            "19912345678,   199****5678",
            "0791-86123456, 0791-****3456",
            "010-6234567,   010-***4567",
            "123,           ***",
    })
    void phonesKeepThePrefixAndTheLastFour(String value, String masked) {
        assertThat(Masks.phone(value)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "张三,         张*",
            "张三丰,       张**",
            "欧阳娜娜,     欧阳**",
            "欧阳锋,       欧阳*",
            "司马相如,     司马**",
            "欧阳,         欧*",           // two characters: a surname and a given name, not a compound surname alone
            "张,           张",
            "阿依古丽·买买提, 阿***·***",
            "John Smith,   J*** *****",
    })
    void namesKeepTheSurname(String value, String masked) {
        assertThat(Masks.name(value)).isEqualTo(masked);
        assertThat(PersonName.parse(value).masked()).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"36500.00", "0.00"})
    void amountsAreHiddenEntirely(String value) {
        assertThat(Masks.amount(value)).isEqualTo("***");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "6222021234567890123, ****0123",
            "622848001234567,     ****4567",
            "1234,                ****",
            "'',                  ''",
    })
    void bankAccountsKeepTheLastFourAndHideTheLength(String value, String masked) {
        assertThat(Masks.bankAccount(value)).isEqualTo(masked);
        assertThat(PersonalField.BANK_ACCOUNT.mask(value)).isEqualTo(masked);
    }
}
