package org.anju.cli;

import org.anju.intake.InputException;
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
        }
    }

    static int problems(CommandSpec spec, Path file, InputException e) {
        spec.commandLine().getErr().println("导入失败：" + file.getFileName() + "（未写入任何数据）");
        e.problems().forEach(p -> spec.commandLine().getErr().println("  ✗ " + p.describe()));
        return Cli.BAD_INPUT;
    }
}
