package org.anju.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese message for Tomcat's "character decoding failed" ({@link UndecodableParameter}). */
class UndecodableParameterMessageTest {

    @Test
    void namesTheParameterAndItsValueFromTomcatsText() {
        assertThat(UndecodableParameter.message("Character decoding failed. Parameter [q] with value [%d5%c5] has been"
                + " ignored. Note that the name and value quoted here may be corrupted due to the failed decoding."))
                .startsWith("参数 q 的值不是有效的 UTF-8 百分号编码：").contains("%25");
    }

    @Test
    void anotherFormOfTextNamesNoParameter() {
        assertThat(UndecodableParameter.message("The hexadecimal encoding is invalid")).startsWith("地址或表单中的参数不是");
        assertThat(UndecodableParameter.message(null)).startsWith("地址或表单中的参数不是");
        assertThat(UndecodableParameter.message("Parameter [\uFFFD\uFFFD] with value [x]")).as("a garbled name")
                .startsWith("地址或表单中的参数不是");
    }

    @Test
    void tomcatsOtherRefusalsOfParametersAreSaidForWhatTheyAre() {
        assertThat(UndecodableParameter.message("More than the maximum number of request parameters (GET plus POST) for a "
                + "single request ([1,000]) were detected. Any parameters beyond this limit have been ignored. To change "
                + "this limit, set the maxParameterCount attribute on the Connector.")).startsWith("参数过多：地址和表单一次最多 1000 个");
        assertThat(UndecodableParameter.message("Invalid chunk starting at byte [63] and ending at byte [65] with a value "
                + "of [=x] ignored")).startsWith("地址或表单中有没有名称的参数");
    }
}
