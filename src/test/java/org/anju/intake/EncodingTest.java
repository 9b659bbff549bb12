package org.anju.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is refused rather than shown as mojibake. */
class EncodingTest {

    private final SourceReader reader = new SourceReader();

    private static final String TEXT = "单位：套\n上饶市\t4106\t1060\n";
    private static final List<SourceRow> EXPECTED = List.of(
            new SourceRow(1, List.of("单位：套"), true),
            new SourceRow(2, List.of("上饶市", "4106", "1060"), false));

    @Test
    void utf16WithByteOrderMarkIsRead() {
        byte[] le = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
        byte[] be = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE);

        SourceDocument little = reader.read("计划.txt", le);
        SourceDocument big = reader.read("计划.txt", be);

        assertThat(little.encoding()).isEqualTo("UTF-16LE");
        assertThat(little.sheets().getFirst().rows()).isEqualTo(EXPECTED);
        assertThat(big.encoding()).isEqualTo("UTF-16BE");
        assertThat(big.sheets().getFirst().rows()).isEqualTo(EXPECTED);
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefused() {
        byte[] le = TEXT.getBytes(StandardCharsets.UTF_16LE);

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.txt", le));

        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.txt：文件似乎是 UTF-16 编码，但缺少字节顺序标记（BOM），无法可靠读取；请另存为 UTF-8 后重新上传");
    }

    @Test
    void utf16DeclaredIsRead() {
        SourceDocument document = reader.read("计划.txt", TEXT.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);

        assertThat(document.encoding()).isEqualTo("UTF-16LE");
        assertThat(document.sheets().getFirst().rows()).isEqualTo(EXPECTED);
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[10] = 0;

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.csv", garbage));

        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.csv：文件含有二进制数据（NUL 字节），不是文本文件；支持的格式：XLSX、XLS、DOCX、CSV、TSV、TXT");
    }

    @Test
    void controlCharactersAreRefusedWithTheirPosition() {
        byte[] text = "单位：套\n上饶市\u0001\t4106\n".getBytes(StandardCharsets.UTF_8);

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.txt", text));

        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.txt，第 2 行，第 4 列：含有控制字符 U+0001，不像文本文件（可能是二进制文件，或编码选择不对）");
    }

    @Test
    void formFeedsAndATrailingCtrlZAreTolerated() {
        byte[] text = "单位：套\n\f上饶市\t4106\t1060\n\u001A".getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read("计划.txt", text).sheets().getFirst().rows()).isEqualTo(EXPECTED);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRefused() {
        byte[] bytes = "上饶市\t4106\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0x81;   // a GBK lead byte …
        broken[bytes.length + 1] = (byte) 0x0A; // … followed by a line feed: valid in neither

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.txt", broken));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("无法识别文件编码：既不是有效的 UTF-8，也不是有效的 GBK/GB18030，请另存为 UTF-8 后重新上传");
            assertThat(p.row()).isNotNull();
            assertThat(p.column()).isNotNull();
        });
    }

    @Test
    void textThatOnlyDecodesAsRareCharactersIsRefused() {
        // Thai encoded in GB18030: not UTF-8; decodes as GB18030, but no Chinese document looks like this
        byte[] thai = "ภาษาไทย\tหนึ่ง\nสอง\tสาม\n".getBytes(Charset.forName("GB18030"));

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.txt", thai));

        assertThat(e.getMessage()).isEqualTo("文件 计划.txt，第 1 行，第 1 列："
                + "文件不是 UTF-8 编码，按 GBK/GB18030 读取又出现大量罕见字符，编码无法可靠识别；请另存为 UTF-8 后重新上传");
    }

    @Test
    void allSeedsDecodeAsUtf8AndAsGbkWithoutComplaint() throws Exception {
        for (String seed : List.of(PlainTextSeedsTest.SEED_000, PlainTextSeedsTest.SEED_001, PlainTextSeedsTest.SEED_002,
                PlainTextSeedsTest.SEED_003, PlainTextSeedsTest.SEED_004)) {
            String text = new String(TestFiles.seed(seed), StandardCharsets.UTF_8);
            SourceDocument utf8 = reader.read(seed, TestFiles.seed(seed));
            SourceDocument gbk = reader.read(seed, text.getBytes("GB18030"));

            assertThat(utf8.encoding()).isEqualTo("UTF-8");
            assertThat(gbk.encoding()).isEqualTo("GB18030");
            assertThat(gbk.sheets()).as(seed).isEqualTo(utf8.sheets());
        }
    }

    @Test
    void aByteOrderMarkContradictingTheDeclaredEncodingIsRefused() {
        byte[] utf8 = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);

        InputException e = catchThrowableOfType(InputException.class,
                () -> reader.read("计划.txt", utf8, Charset.forName("GBK")));

        assertThat(e.getMessage()).isEqualTo("文件 计划.txt：选择的编码是 GBK，但文件以 UTF-8 标记开头，是 UTF-8 编码；请选择 UTF-8");
    }
}
