package org.anju.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of a text file into characters without ever guessing silently: every decoder
 * reports malformed input instead of replacing it.
 *
 * <ul>
 *   <li>No declared charset: a byte-order mark decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8,
 *       then strict GB18030 (a superset of GBK and GB2312). Text that decodes as GB18030 but is
 *       mostly characters no Chinese document uses is rejected rather than shown as mojibake.</li>
 *   <li>Declared charset: only that one; the first undecodable position is reported, with a hint
 *       when the other usual encoding would have worked. A GBK declaration on bytes that are valid
 *       UTF-8 is reported too: it would decode without error but as mojibake.</li>
 *   <li>Either way: NUL bytes (binary data, UTF-16 without a BOM) and control characters other than
 *       tab, line feed, carriage return, form feed and vertical tab are rejected.</li>
 * </ul>
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    record Decoded(String text, String encoding) {
    }

    private TextDecoder() {
    }

    static Decoded decode(String fileName, byte[] bytes, Charset declared) {
        Decoded decoded = declared == null ? detect(fileName, bytes) : declared(fileName, bytes, declared);
        String text = decoded.text();
        if (!text.isEmpty() && text.charAt(text.length() - 1) == '\u001A') {
            text = text.substring(0, text.length() - 1); // DOS end-of-file marker
        }
        checkControlCharacters(fileName, text);
        return new Decoded(text, decoded.encoding());
    }

    private static Decoded detect(String fileName, byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(fileName, bytes, 3, StandardCharsets.UTF_8, "文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 编码，请重新另存为 UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(fileName, bytes, 2, StandardCharsets.UTF_16LE, "文件以 UTF-16 标记开头，但内容不是有效的 UTF-16 编码，请另存为 UTF-8");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(fileName, bytes, 2, StandardCharsets.UTF_16BE, "文件以 UTF-16 标记开头，但内容不是有效的 UTF-16 编码，请另存为 UTF-8");
        }
        checkNoNul(fileName, bytes);
        Attempt utf8 = attempt(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.ok()) {
            return new Decoded(utf8.text(), "UTF-8");
        }
        Attempt gb = attempt(bytes, 0, GB18030);
        if (gb.ok()) {
            checkPlausibleChinese(fileName, gb.text());
            return new Decoded(gb.text(), "GB18030");
        }
        Attempt further = gb.errorOffset() > utf8.errorOffset() ? gb : utf8;
        throw new InputException(further.problem(fileName,
                "无法识别文件编码：既不是有效的 UTF-8，也不是有效的 GBK/GB18030，请另存为 UTF-8 后重新上传"));
    }

    private static Decoded declared(String fileName, byte[] bytes, Charset declared) {
        String name = displayName(declared);
        boolean utf8 = declared.equals(StandardCharsets.UTF_8);
        boolean wide = declared.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                || declared.name().toUpperCase(Locale.ROOT).startsWith("UTF-32");
        int offset = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            if (!utf8) {
                throw new InputException(InputProblem.ofFile(fileName,
                        "选择的编码是 " + name + "，但文件以 UTF-8 标记开头，是 UTF-8 编码；请选择 UTF-8"));
            }
            offset = 3;
        } else if (!wide && (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF))) {
            throw new InputException(InputProblem.ofFile(fileName,
                    "选择的编码是 " + name + "，但文件以 UTF-16 标记开头，是 UTF-16 编码；请另存为 UTF-8"));
        }
        if (!wide) {
            checkNoNul(fileName, bytes);
        }
        Attempt attempt = attempt(bytes, offset, declared);
        if (!attempt.ok()) {
            String hint;
            if (!isGb(declared) && attempt(bytes, offset, GB18030).ok()) {
                hint = "（疑似 GBK），请另存为 " + name + " 或选择 GBK";
            } else if (!utf8 && attempt(bytes, offset, StandardCharsets.UTF_8).ok()) {
                hint = "（疑似 UTF-8），请另存为 " + name + " 或选择 UTF-8";
            } else {
                hint = "，请检查文件的编码后另存为 UTF-8";
            }
            throw new InputException(attempt.problem(fileName, "不是有效的 " + name + " 编码" + hint));
        }
        if (!utf8 && !wide) {
            Attempt asUtf8 = attempt(bytes, 0, StandardCharsets.UTF_8);
            int firstMultiByte = firstNonAscii(bytes);
            if (asUtf8.ok() && firstMultiByte >= 0) {
                String prefix = new String(bytes, 0, firstMultiByte, StandardCharsets.US_ASCII);
                throw new InputException(at(fileName, prefix,
                        "按 " + name + " 读取会是乱码：文件内容是 UTF-8 编码，请选择 UTF-8"));
            }
        }
        return new Decoded(attempt.text(), name);
    }

    static String displayName(Charset charset) {
        return charset.name();
    }

    private static boolean isGb(Charset charset) {
        String n = charset.name().toUpperCase(Locale.ROOT);
        return n.equals("GBK") || n.equals("GB18030") || n.equals("GB2312") || n.equals("X-MS936") || n.equals("X-MS950");
    }

    private static Decoded strict(String fileName, byte[] bytes, int offset, Charset charset, String message) {
        Attempt attempt = attempt(bytes, offset, charset);
        if (!attempt.ok()) {
            throw new InputException(attempt.problem(fileName, message));
        }
        return new Decoded(attempt.text(), charset.name());
    }

    /** The outcome of a strict decoding: the text, or the text up to the first bad byte. */
    private record Attempt(boolean ok, String text, int errorOffset) {
        InputProblem problem(String fileName, String message) {
            return at(fileName, text, message);
        }
    }

    private static Attempt attempt(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        return new Attempt(!result.isError(), out.toString(), in.position());
    }

    /** A problem at the position that follows {@code before} (the text read so far). */
    static InputProblem at(String fileName, CharSequence before, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(before, lineStart, before.length()) + 1;
        return new InputProblem(fileName, null, line, column, message);
    }

    private static void checkNoNul(String fileName, byte[] bytes) {
        int even = 0;
        int odd = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if ((i & 1) == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        if (even + odd == 0) {
            return;
        }
        int pairs = bytes.length / 2;
        boolean utf16 = (odd > pairs / 5 && even <= odd / 10) || (even > pairs / 5 && odd <= even / 10);
        throw new InputException(InputProblem.ofFile(fileName, utf16
                ? "文件似乎是 UTF-16 编码，但缺少字节顺序标记（BOM），无法可靠读取；请另存为 UTF-8 后重新上传"
                : "文件含有二进制数据（NUL 字节），不是文本文件；支持的格式：" + SourceReader.ACCEPTED));
    }

    private static void checkControlCharacters(String fileName, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\u000B') || c == 0x7F) {
                throw new InputException(at(fileName, text.subSequence(0, i), String.format(
                        "含有控制字符 U+%04X，不像文本文件（可能是二进制文件，或编码选择不对）", (int) c)));
            }
        }
    }

    /**
     * GB18030 maps nearly every byte sequence to some character, so bytes in another encoding can
     * decode "successfully" as rare characters. Chinese documents use CJK ideographs, ASCII and
     * common punctuation; many characters outside those means the encoding is something else.
     */
    private static void checkPlausibleChinese(String fileName, String text) {
        int nonAscii = 0;
        int unusual = 0;
        int firstUnusual = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80) {
                nonAscii++;
                if (!usualInChineseText(cp)) {
                    unusual++;
                    if (firstUnusual < 0) {
                        firstUnusual = i;
                    }
                }
            }
            i += Character.charCount(cp);
        }
        if (unusual >= 3 && unusual * 10 > nonAscii) {
            throw new InputException(at(fileName, text.subSequence(0, firstUnusual),
                    "文件不是 UTF-8 编码，按 GBK/GB18030 读取又出现大量罕见字符，编码无法可靠识别；请另存为 UTF-8 后重新上传"));
        }
    }

    private static boolean usualInChineseText(int cp) {
        return (cp >= 0x00A0 && cp <= 0x02FF)      // Latin-1, Latin extended (pinyin), IPA, modifiers
                || (cp >= 0x0370 && cp <= 0x04FF)  // Greek, Cyrillic (both in GB2312)
                || (cp >= 0x2000 && cp <= 0x27BF)  // punctuation, letterlike, number forms, arrows, math, ①, boxes, shapes
                || (cp >= 0x2E80 && cp <= 0x33FF)  // CJK radicals, symbols and punctuation, kana, bopomofo, enclosed CJK
                || (cp >= 0x4E00 && cp <= 0x9FFF)  // CJK unified ideographs
                || (cp >= 0xF900 && cp <= 0xFAFF)  // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE4F)  // vertical and CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFFEF);  // full-width forms
    }

    private static int firstNonAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
