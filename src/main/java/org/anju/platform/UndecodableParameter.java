package org.anju.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request parameter whose percent-encoding Tomcat could not decode ({@code %ZZ}, a cut-off UTF-8 character, or a
 * Chinese search encoded in GBK as older Windows tools and scripts send it): Tomcat throws when a handler first reads
 * the parameters, and every API, page, {@code /login} and the actuator answered 500 and logged a bug (operator trial
 * of the twentieth session: 430 answers of 500 over the API's 202 paths). It is the client's encoding: refused as bad
 * input naming the parameter, said in Chinese with how to encode it.
 */
final class UndecodableParameter {

    // Tomcat's own text (org.apache.tomcat.util.http.Parameters): "… Parameter [q] with value [%d5%c5] has been ignored."
    // (the value it quotes is decoded, garbled as "��Ҵ": not shown)
    private static final Pattern NAMED = Pattern.compile("Parameter \\[(.*?)] with value");
    // "More than the maximum number of request parameters (GET plus POST) for a single request ([1000]) were detected…"
    // (the number as Tomcat's MessageFormat writes it: 1,000)
    private static final Pattern COUNT = Pattern.compile("maximum number of request parameters.*?\\(\\[([\\d,]+)]\\)");

    private UndecodableParameter() {
    }

    static BadInput refusal(org.apache.tomcat.util.http.InvalidParameterException e) {
        return new BadInput(message(e.getMessage()));
    }

    /** The Chinese message for Tomcat's {@code message}; a message of another form gives no name. */
    static String message(String tomcats) {
        // Tomcat's other refusals of parameters (a form's before this session were served cut short: the parameters
        // before the fault, or the first 1000): said for what they are, not as an encoding (review of the session)
        Matcher count = COUNT.matcher(tomcats == null ? "" : tomcats);
        if (count.find()) {
            return "参数过多：地址和表单一次最多 " + count.group(1).replace(",", "") + " 个（server.tomcat.max-parameter-count），"
                    + "多出的不会被读到：请分批提交，或改用 JSON、文件上传";
        }
        if (tomcats != null && tomcats.startsWith("Invalid chunk")) {
            return "地址或表单中有没有名称的参数（如「&=值」）：每个参数应写成「名称=值」，请检查拼接参数的程序";
        }
        Matcher m = NAMED.matcher(tomcats == null ? "" : tomcats);
        String which = m.find() && !m.group(1).isEmpty() && m.group(1).indexOf('\uFFFD') < 0 ? "参数 " + m.group(1) + " 的值"
                : "地址或表单中的参数";
        return which + "不是有效的 UTF-8 百分号编码：中文等字符请按 UTF-8 编码（如「张」写作 %E5%BC%A0，"
                + "GBK 编码的中文不能识别），% 本身写作 %25";
    }
}
