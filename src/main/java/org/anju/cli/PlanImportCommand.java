package org.anju.cli;

import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "导入分解表文件（XLSX、XLS、DOCX、CSV/TSV、TXT）；有任何错误则不写入")
class PlanImportCommand implements Callable<Integer> {

    private final PlanImporter importer;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "要导入的文件")
    Path file;

    @Option(names = "--dry-run", description = "只预览和校验，不写入")
    boolean dryRun;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Option(names = "--plan", paramLabel = "ID", description = "导入到已有计划")
    Long planId;

    @Option(names = "--replace", description = "替换计划已有的分解表")
    boolean replace;

    @Option(names = "--issuer", paramLabel = "CODE", description = "发文地区代码，如 361100（默认由表中地区推断）")
    String issuer;

    @Option(names = "--issuer-name", description = "发文机关，如 上饶市住房和城乡建设局")
    String issuerName;

    @Option(names = "--encoding", description = "文本文件编码，如 GBK（默认自动识别 UTF-8/GBK）")
    String encoding;

    @Option(names = "--title", description = "计划标题（默认取文件中的标题）")
    String title;

    @Option(names = "--doc-number", description = "文号（默认取文件中单独成行的文号）")
    String documentNumber;

    @Option(names = "--years", paramLabel = "YYYY[-YYYY]", description = "计划年度，如 2023 或 2023-2024")
    String years;

    @Option(names = "--parent", paramLabel = "文号", description = "上级计划的文号（默认取正文引用的已导入计划）")
    String parent;

    PlanImportCommand(PlanImporter importer) {
        this.importer = importer;
    }

    @Override
    public Integer call() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("错误：文件不存在：" + file);
            return Cli.BAD_INPUT;
        }
        Integer first = null;
        Integer last = null;
        if (years != null) {
            String[] parts = years.split("[-–—~]");
            try {
                first = Integer.parseInt(parts[0].trim());
                last = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : first;
            } catch (NumberFormatException e) {
                spec.commandLine().getErr().println("错误：--years 应为 2023 或 2023-2024：" + years);
                return Cli.BAD_INPUT;
            }
        }
        Charset charset = encoding == null ? null : Charset.forName(encoding);
        ImportOptions options = new ImportOptions(dryRun, planId, replace, issuer, issuerName, title, documentNumber,
                null, first, last, parent, charset, false, null, null);
        ImportResult result = importer.importFile(file.getFileName().toString(), content, options);
        if (json) {
            Output.json(spec.commandLine().getOut(), result);
        } else {
            Output.importResult(result.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr(), result);
        }
        return result.ok() ? Cli.OK : Cli.BAD_INPUT;
    }
}
