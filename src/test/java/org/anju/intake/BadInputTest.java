package org.anju.intake;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Everything that must end in an InputException, never in a (partial) document. */
class BadInputTest {

    private static final String ACCEPTED = "支持的格式：XLSX、XLS、DOCX、CSV、TSV、TXT";

    private final SourceReader reader = new SourceReader();

    private InputException refused(String fileName, byte[] content) {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.read(fileName, content));
        assertThat(e).as("%s is refused", fileName).isNotNull();
        return e;
    }

    private static byte[] smallWorkbook() {
        return TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                var row = workbook.createSheet("附件1").createRow(0);
                row.createCell(0).setCellValue("上饶市");
                row.createCell(1).setCellValue(4106);
                workbook.write(out);
            }
        });
    }

    @Test
    void emptyFile() {
        assertThat(refused("计划.xlsx", new byte[0]).getMessage()).isEqualTo("文件 计划.xlsx：文件是空的");
        assertThat(refused("计划.txt", " \r\n　\n".getBytes(StandardCharsets.UTF_8)).getMessage())
                .isEqualTo("文件 计划.txt：文件是空的（只有空白）");
        assertThat(refused("计划.csv", "\uFEFF".getBytes(StandardCharsets.UTF_8)).getMessage())
                .isEqualTo("文件 计划.csv：文件是空的（只有空白）");
    }

    @Test
    void tooLarge() {
        byte[] big = new byte[SourceReader.MAX_FILE_BYTES + 1];
        assertThat(refused("计划.xlsx", big).getMessage()).isEqualTo("文件 计划.xlsx：文件太大（20.0 MB），上限是 20 MB");
        byte[] bigger = new byte[21 * 1024 * 1024];
        assertThat(refused("计划.csv", bigger).getMessage()).isEqualTo("文件 计划.csv：文件太大（21.0 MB），上限是 20 MB");
    }

    @Test
    void unsupportedFormatsSayWhichAreAccepted() {
        assertThat(refused("计划.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)).getMessage())
                .isEqualTo("文件 计划.pdf：不支持的文件格式：PDF 文件。" + ACCEPTED);
        assertThat(refused("计划.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)).getMessage())
                .isEqualTo("文件 计划.json：不支持的文件格式：扩展名 .json。" + ACCEPTED);
        assertThat(refused("截图.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}).getMessage())
                .isEqualTo("文件 截图.png：不支持的文件格式：图片。" + ACCEPTED);
        assertThat(refused("计划.zip", TestFiles.bytes(out -> {
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("计划.xlsx"));
                zip.write(smallWorkbook());
            }
        })).getMessage()).isEqualTo("文件 计划.zip：不支持的文件格式：压缩包；请解压后上传其中的文件。" + ACCEPTED);
    }

    @Test
    void wordDocFormat() {
        byte[] doc = TestFiles.bytes(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
                fs.writeFilesystem(out);
            }
        });

        assertThat(refused("计划.doc", doc).getMessage())
                .isEqualTo("文件 计划.doc：不支持的文件格式：Word 97-2003 文档（.doc）；请另存为 .docx。" + ACCEPTED);
    }

    @Test
    void htmlSavedAsXls() {
        byte[] html = "<html><body><table><tr><td>上饶市</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(refused("导出.xls", html).getMessage()).isEqualTo("文件 导出.xls：不支持的文件格式："
                + "网页（HTML）文件，虽然扩展名是 .xls（常见于系统导出的表格）；请用 Excel 打开后另存为 .xlsx。" + ACCEPTED);
    }

    @Test
    void truncatedXlsx() {
        byte[] whole = smallWorkbook();
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThat(refused("计划.xlsx", half).getMessage())
                .isEqualTo("文件 计划.xlsx：文件已损坏或不完整，无法作为 XLSX 读取；请用 Office/WPS 打开后重新保存再上传");
    }

    @Test
    void xlsxWithCorruptPart() {
        byte[] broken = TestFiles.rewriteZip(smallWorkbook(),
                Map.of("xl/worksheets/sheet1.xml", xml -> "<worksheet><sheetData><row".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused("计划.xlsx", broken).getMessage())
                .isEqualTo("文件 计划.xlsx：文件已损坏或不完整，无法作为 XLSX 读取；请用 Office/WPS 打开后重新保存再上传");
    }

    @Test
    void notAnXlsxAtAll() {
        assertThat(refused("计划.xlsx", "市,任务\n上饶市,4106\n".getBytes(StandardCharsets.UTF_8)).getMessage())
                .isEqualTo("文件 计划.xlsx：文件内容不是 XLSX 格式（可能已损坏，或扩展名不对）。" + ACCEPTED);
    }

    @Test
    void passwordProtectedXlsx() throws Exception {
        byte[] encrypted = TestFiles.bytes(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
                Encryptor encryptor = info.getEncryptor();
                encryptor.confirmPassword("anju");
                try (OutputStream os = encryptor.getDataStream(fs)) {
                    os.write(smallWorkbook());
                } catch (java.security.GeneralSecurityException e) {
                    throw new java.io.IOException(e);
                }
                fs.writeFilesystem(out);
            }
        });

        assertThat(refused("计划.xlsx", encrypted).getMessage())
                .isEqualTo("文件 计划.xlsx：文件设置了密码（已加密），无法读取；请在 Office/WPS 中取消密码后重新上传");
    }

    @Test
    void passwordProtectedXls() {
        byte[] encrypted = TestFiles.bytes(out -> {
            Biff8EncryptionKey.setCurrentUserPassword("anju");
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                workbook.createSheet("附件1").createRow(0).createCell(0).setCellValue("上饶市");
                workbook.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        });

        assertThat(refused("计划.xls", encrypted).getMessage())
                .isEqualTo("文件 计划.xls：文件设置了密码（已加密），无法读取；请在 Office/WPS 中取消密码后重新上传");
    }

    @Test
    void zipBomb() {
        // a sheet that unpacks to 20 MB of spaces from a few kilobytes
        byte[] bomb = TestFiles.rewriteZip(smallWorkbook(), Map.of("xl/worksheets/sheet1.xml", xml -> {
            String original = new String(xml, StandardCharsets.UTF_8);
            int at = original.indexOf("<sheetData");
            return (original.substring(0, at) + " ".repeat(20 * 1024 * 1024) + original.substring(at))
                    .getBytes(StandardCharsets.UTF_8);
        }));
        assertThat(bomb.length).isLessThan(100 * 1024);

        assertThat(refused("计划.xlsx", bomb).getMessage()).isEqualTo("文件 计划.xlsx：文件解压后体积异常，疑似压缩炸弹，已拒绝");
    }

    @Test
    void tooManyPartsIsAZipBombToo() {
        byte[] many = TestFiles.rewriteZip(smallWorkbook(), Map.of());
        byte[] crowded = TestFiles.bytes(out -> {
            try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(many));
                 var zip = new java.util.zip.ZipOutputStream(out)) {
                for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    zip.write(in.readAllBytes());
                }
                for (int i = 0; i < 1001; i++) {
                    zip.putNextEntry(new java.util.zip.ZipEntry("xl/media/image" + i + ".png"));
                    zip.write(i);
                }
            }
        });
        assertThat(SourceReader.zipEntryCount(crowded)).isGreaterThan(1001);

        assertThat(refused("计划.xlsx", crowded).getMessage()).isEqualTo("文件 计划.xlsx：文件解压后体积异常，疑似压缩炸弹，已拒绝");
    }

    @Test
    void zipBombInADocx() {
        byte[] docx = TestFiles.bytes(out -> {
            try (XWPFDocument document = new XWPFDocument()) {
                document.createParagraph().createRun().setText("通知");
                document.write(out);
            }
        });
        byte[] bomb = TestFiles.rewriteZip(docx, Map.of("word/document.xml", xml -> {
            String original = new String(xml, StandardCharsets.UTF_8);
            int at = original.indexOf("<w:body");
            return (original.substring(0, at) + "\n".repeat(20 * 1024 * 1024) + original.substring(at))
                    .getBytes(StandardCharsets.UTF_8);
        }));

        assertThat(refused("通知.docx", bomb).getMessage()).isEqualTo("文件 通知.docx：文件解压后体积异常，疑似压缩炸弹，已拒绝");
    }

    @Test
    void externalEntitiesInADocxAreRefusedAndNothingLeaks(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        byte[] docx = TestFiles.bytes(out -> {
            try (XWPFDocument document = new XWPFDocument()) {
                document.createParagraph().createRun().setText("PLACEHOLDER");
                document.write(out);
            }
        });
        byte[] evil = withExternalEntity(docx, "word/document.xml", "w:document", secret,
                xml -> xml.replace("PLACEHOLDER", "&xxe;"));
        assertThat(new String(evil, StandardCharsets.ISO_8859_1)).doesNotContain("TOP-SECRET-42");

        assertRefusedWithoutLeak("通知.docx", evil);
    }

    @Test
    void externalEntitiesInAnXlsxAreRefusedAndNothingLeaks(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        byte[] evil = withExternalEntity(smallWorkbook(), "xl/sharedStrings.xml", "sst", secret,
                xml -> xml.replace("上饶市", "&xxe;"));

        assertRefusedWithoutLeak("计划.xlsx", evil);
    }

    @Test
    void externalEntitiesInThePackageStructureAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        byte[] evil = withExternalEntity(smallWorkbook(), "[Content_Types].xml", "Types", secret,
                xml -> xml.replace("</Types>", "<Default Extension=\"&xxe;\" ContentType=\"text/plain\"/></Types>"));

        assertRefusedWithoutLeak("计划.xlsx", evil);
    }

    /**
     * {@code zip} with an external entity {@code &xxe;} naming {@code secret} declared before the root element
     * {@code root} of {@code part}; {@code use} puts the entity somewhere in the part's XML.
     */
    private static byte[] withExternalEntity(byte[] zip, String part, String root, Path secret, UnaryOperator<String> use) {
        return TestFiles.rewriteZip(zip, Map.of(part, xml -> {
            String original = new String(xml, StandardCharsets.UTF_8);
            int at = original.indexOf("<" + root);
            return (original.substring(0, at)
                    + "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + use.apply(original.substring(at)))
                    .getBytes(StandardCharsets.UTF_8);
        }));
    }

    /** Refused as an entity declaration, and the secret in no message anywhere along the causes. */
    private void assertRefusedWithoutLeak(String fileName, byte[] evil) {
        InputException e = refused(fileName, evil);

        assertThat(e.getMessage()).isEqualTo("文件 " + fileName + "：文件内部的 XML 含有 DOCTYPE/外部实体声明，出于安全原因已拒绝");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("TOP-SECRET-42");
        }
    }

    @Test
    void entityExpansionIsRefusedToo() {
        byte[] evil = TestFiles.rewriteZip(smallWorkbook(), Map.of("xl/sharedStrings.xml", xml -> {
            String original = new String(xml, StandardCharsets.UTF_8);
            int root = original.indexOf("<sst");
            StringBuilder doctype = new StringBuilder("<!DOCTYPE sst [<!ENTITY a0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
            }
            doctype.append("]>");
            return (original.substring(0, root) + doctype + original.substring(root).replace("上饶市", "&a9;"))
                    .getBytes(StandardCharsets.UTF_8);
        }));

        assertThat(refused("计划.xlsx", evil).getMessage())
                .isEqualTo("文件 计划.xlsx：文件内部的 XML 含有 DOCTYPE/外部实体声明，出于安全原因已拒绝");
    }

    @Test
    void documentWithoutAnyText() {
        byte[] emptyWorkbook = TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                workbook.createSheet("Sheet1");
                workbook.write(out);
            }
        });

        assertThat(refused("计划.xlsx", emptyWorkbook).getMessage()).isEqualTo("文件 计划.xlsx：文件中没有任何文字或表格");
    }
}
