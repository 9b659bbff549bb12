package org.anju.privacy;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 银行账号 as typed: digits kept, separators dropped, anything else refused without echoing the number. */
class BankAccountTest {

    @Test
    void readsWhatClerksType() {
        assertThat(BankAccount.parse("银行账号", "6222 0212 3456 7890 123").normalized()).isEqualTo("6222021234567890123");
        assertThat(BankAccount.parse("银行账号", "６２２２-０２１２-３４５６-７８９０").normalized()).isEqualTo("6222021234567890");
        BankAccount a = BankAccount.parse("银行账号", "6222021234567890123");
        assertThat(a.field()).isEqualTo(PersonalField.BANK_ACCOUNT);
        assertThat(a.masked()).isEqualTo("****0123");
        assertThat(a.toString()).as("a value in a log line is masked").isEqualTo("****0123");
    }

    @Test
    void refusesWhatIsNoAccountNumber() {
        assertThatThrownBy(() -> BankAccount.parse("收款人银行账号", "6222O21234567890")).isInstanceOf(BadInput.class)
                .hasMessage("收款人银行账号只能包含数字（可用空格或连字符分隔）");
        assertThatThrownBy(() -> BankAccount.parse("收款人银行账号", "62220212345")).isInstanceOf(BadInput.class)
                .hasMessage("收款人银行账号应为 12–30 位数字（银行卡一般为 16–19 位），现为 11 位");
        assertThatThrownBy(() -> BankAccount.parse("收款人银行账号", " ")).isInstanceOf(BadInput.class)
                .hasMessage("收款人银行账号不能为空");
    }
}
