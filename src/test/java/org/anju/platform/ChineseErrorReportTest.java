package org.anju.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Tomcat refused before any of Anju's code ran, said for what it was ({@link ChineseErrorReport#detail}). */
class ChineseErrorReportTest {

    private static IllegalArgumentException tomcat(String message) {
        return new IllegalArgumentException(message);
    }

    @Test
    void eachRefusalIsSaidForWhatItIs() {
        assertThat(ChineseErrorReport.detail(400, null, tomcat("Request header is too large"))).startsWith("请求过长");
        assertThat(ChineseErrorReport.detail(400, null, tomcat("Invalid character found in method name [0x160x030x01]. "
                + "HTTP method names must be tokens"))).contains("https://");
        IllegalArgumentException space = tomcat("Invalid character found in the request target [/api/x?q=a b ]. The valid "
                + "characters are defined in RFC 7230 and RFC 3986");
        assertThat(ChineseErrorReport.target(space)).isEqualTo("/api/x?q=a b");
        assertThat(ChineseErrorReport.detail(400, null, space)).contains("空格不能直接写在地址里", "%20");
        assertThat(ChineseErrorReport.detail(400, null, tomcat("Invalid character found in the request target "
                + "[/projects?q=\u00e5\u00bc\u00a0 ]. The valid characters are defined in RFC 7230 and RFC 3986")))
                .contains("未编码的中文");
        assertThat(ChineseErrorReport.detail(400, null, tomcat("Invalid character found in the request target "
                + "[/api/x?ids[]=1 ]. The valid characters are defined in RFC 7230 and RFC 3986"))).contains("「[」", "%5B");
        IllegalArgumentException bracketDot = tomcat("Invalid character found in the request target [/api/x?q=a].b| ]. "
                + "The valid characters are defined in RFC 7230 and RFC 3986");
        assertThat(ChineseErrorReport.target(bracketDot)).as("an address with ]. in it").isEqualTo("/api/x?q=a].b|");
        assertThat(ChineseErrorReport.detail(400, null, tomcat("Invalid character found in the request target [/x?q=\u007f ]. "
                + "The valid characters are defined in RFC 7230 and RFC 3986"))).contains("控制字符");
        assertThat(ChineseErrorReport.detail(400, "/api/x%ZZ", null)).contains("百分号编码无法识别");
        assertThat(ChineseErrorReport.detail(400, "/api/a%2Fb", null)).contains("服务器拒绝了该地址");
        assertThat(ChineseErrorReport.detail(505, null, null)).isEqualTo("请求未能处理（HTTP 状态 505）");
        assertThat(ChineseErrorReport.target(tomcat("something else"))).isNull();
        assertThat(ChineseErrorReport.target(null)).isNull();
    }
}
