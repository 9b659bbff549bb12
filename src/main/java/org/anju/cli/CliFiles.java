package org.anju.cli;

import org.anju.intake.InputException;
import org.anju.intake.SourceReader;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading an input file and reporting its problems the same way in every command. */
final class CliFiles {

    private CliFiles() {
    }

    /** The file's bytes, or null (after saying so) when it does not exist. */
    static byte[] read(Path file, CommandSpec spec) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("错误：文件不存在：" + file);
            return null;
        } catch (IOException e) {
            spec.commandLine().getErr().println("错误：无法读取文件 " + file + "（" + (Files.isDirectory(file)
                    ? "这是一个目录，请指定其中的文件" : "请检查读取权限") + "）");
            return null;
        }
    }

    /**
     * The lines of a text file of answers (--columns), in UTF-8 or GBK, or null after saying what is wrong:
     * the file missing, unreadable or in neither encoding.
     */
    static java.util.List<String> lines(Path file, String option, CommandSpec spec) throws IOException {
        byte[] content = read(file, spec);
        if (content == null) {
            return null;
        }
        try {
            return SourceReader.text(file.getFileName().toString(), content).lines().toList();
        } catch (InputException e) {
            spec.commandLine().getErr().println("错误：" + option + " 文件无法读取：");
            e.problems().forEach(p -> spec.commandLine().getErr().println("  ✗ " + p.describe()));
            return null;
        }
    }

    static int problems(CommandSpec spec, Path file, InputException e) {
        spec.commandLine().getErr().println("导入失败：" + file.getFileName() + "（未写入任何数据）");
        e.problems().forEach(p -> spec.commandLine().getErr().println("  ✗ " + p.describe()));
        return Cli.BAD_INPUT;
    }
}
