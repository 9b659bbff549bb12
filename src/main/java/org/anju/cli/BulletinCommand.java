package org.anju.cli;

import org.anju.bulletin.BulletinOptions;
import org.anju.bulletin.Bulletins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.Callable;

@Command(name = "bulletin", mixinStandardHelpOptions = true,
        description = "生成通报：--out 以 .docx 结尾为 Word，以 .pdf 结尾为 PDF，以 .xlsx 结尾为附件表格")
class BulletinCommand implements Callable<Integer> {

    private final Bulletins bulletins;
    @Spec
    CommandSpec spec;
    @Mixin
    RegionMonth where;
    @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true,
            description = "输出文件（.docx、.pdf 或 .xlsx；不可已存在，除非加 --force）")
    String out;
    @Option(names = "--force", description = "覆盖已存在的输出文件")
    boolean force;
    @Option(names = "--issuer", description = "发文机关")
    String issuer;
    @Option(names = "--number", description = "文号")
    String number;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "落款日期")
    LocalDate date;

    BulletinCommand(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public Integer call() throws IOException {
        YearMonth p = where.month();
        BulletinOptions o = new BulletinOptions(issuer, number, date);
        Path file = OutFile.checked(out, "--out", force, "通报.docx");   // before the bulletin is made
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".docx") && !name.endsWith(".xlsx") && !name.endsWith(".pdf")) {
            spec.commandLine().getErr().println("错误：--out 须以 .docx、.pdf 或 .xlsx 结尾：" + out);
            return Cli.BAD_INPUT;
        }
        OutFile.write(file, "--out", force, name.endsWith(".docx") ? bulletins.docx(where.region, p, o)
                : name.endsWith(".pdf") ? bulletins.pdf(where.region, p, o) : bulletins.xlsx(where.region, p, o));
        spec.commandLine().getOut().println("已生成：" + file.toAbsolutePath());
        return Cli.OK;
    }
}
