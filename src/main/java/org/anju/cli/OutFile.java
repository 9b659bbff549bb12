package org.anju.cli;

import org.anju.platform.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file a command writes ({@code --out}/{@code -o} of bulletin, plan/project/ledger export, backup): checked before
 * anything is made, the same way for every command, and written through a part file in the same directory moved into
 * place, so that a failure leaves neither a half file nor a changed old one. Operator trial (F5): an export to a missing
 * directory or onto a directory was logged as 内部错误 with 38 stack frames and exit 3; {@code -o dir.docx/} wrote
 * {@code dir.docx}; an existing file was replaced without a word, and so was {@code /dev/null}'s content sent nowhere.
 *
 * <p>Refused, exit 2 and nothing written: an empty path or "-", a path ending in {@code /} (a directory's), a
 * symbolic link, a directory, something that is not a regular file (a device, a pipe: even with {@code --force}), an
 * existing file without {@code --force}, a missing parent directory or a file in its place, a directory that cannot be
 * written. Backup adds its own ({@link PgArchives#replaceable}).
 */
final class OutFile {

    private OutFile() {
    }

    /**
     * {@code given} as typed, checked: a trailing {@code /} is seen here only (a {@link Path} drops it).
     *
     * @param option  the option as the command names it ({@code --out})
     * @param example a file name to show in a directory given instead of a file
     */
    static Path checked(String given, String option, boolean force, String example) {
        if (given == null || given.isBlank()) {
            throw new BadInput(option + " 不能为空（未写入任何内容）：请给出要写的文件，如 " + option + " " + example);
        }
        if (given.endsWith("/") || given.endsWith(java.io.File.separator)) {
            throw new BadInput(option + " " + given + " 以 / 结尾，是目录的写法，不是文件（未写入任何内容）：请写出文件名，如 "
                    + option + " " + given + example);
        }
        Path out;
        try {
            out = Path.of(given);
        } catch (InvalidPathException e) {
            throw new BadInput(option + " 的值「" + given + "」不是可用的文件路径（" + e.getReason() + "），未写入任何内容");
        }
        return checked(out, option, force, example);
    }

    /** {@link #checked(String, String, boolean, String)} for a path already made (no trailing / left to see). */
    static Path checked(Path out, String option, boolean force, String example) {
        String named = out.toString();
        if (named.isBlank()) {
            throw new BadInput(option + " 不能为空（未写入任何内容）：请给出要写的文件，如 " + option + " " + example);
        }
        if (named.equals("-")) {
            throw new BadInput(option + " -：不能写到标准输出（未写入任何内容），请给出文件的路径，如 " + option + " " + example);
        }
        if (Files.isSymbolicLink(out)) {
            throw new BadInput(option + " " + out + " 是一个符号链接：不替换链接，也不写到它所指之处（未写入任何内容），"
                    + "请给出文件本身的路径");
        }
        if (Files.isDirectory(out)) {
            throw new BadInput(option + " " + out + " 是一个目录（未写入任何内容）：请给出文件的路径，如 "
                    + option + " " + out.resolve(example));
        }
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            throw new BadInput(option + " " + out + " 不是普通文件（是设备、管道或套接字），不能写到它那里（未写入任何内容，"
                    + "--force 也不行）：请给出普通文件的路径，如 " + option + " " + example);
        }
        if (Files.exists(out) && !force) {
            throw new BadInput("文件已存在：" + out + "（未写入任何内容）。换一个文件名，或加 --force 覆盖它");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInput(dir != null && Files.exists(dir)
                    ? dir + " 不是目录，而是一个文件（未写入任何内容）：请把文件写到一个目录中，如 " + dir.getParent()
                    : "目录不存在：" + dir + "（未写入任何内容），请先创建它，或用 " + option + " 写到已有的目录");
        }
        return out;
    }

    /** The part file {@code out} is written as before it is moved into place: hidden, in the same directory. */
    static Path part(Path out) {
        return out.toAbsolutePath().getParent().resolve("." + out.getFileName() + ".part-" + ProcessHandle.current().pid());
    }

    /**
     * Writes {@code content} to {@code out} (checked by {@link #checked}) through its {@link #part}: the file appears
     * whole or not at all, and an existing one is replaced only when {@code force}.
     */
    static void write(Path out, String option, boolean force, byte[] content) {
        Path part = part(out);
        try {
            Files.deleteIfExists(part);
            try {
                Files.write(part, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileSystemException e) {
                throw unwritable(out, part.getParent(), option, e);
            } catch (IOException e) {
                throw new BadInput("无法写完文件 " + out + "（" + e.getMessage() + "），未写入任何内容（不完整的部分已删除）：请释放 "
                        + part.getParent() + " 所在磁盘的空间，或用 " + option + " 写到别处");
            }
            moveIntoPlace(part, out, option, force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * Moves a finished part file onto {@code out}: with {@code force} atomically over whatever file is there, without it
     * only where none appeared meanwhile. What took {@code out}'s place since the check (a directory, a device) is not
     * replaced.
     */
    static void moveIntoPlace(Path part, Path out, String option, boolean force) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
            checked(out, option, force, out.getFileName().toString());   // says why
        }
        try {
            if (force) {
                keepMode(out, part);
                Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(part, out);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BadInput("文件已存在：" + out + "（在写出期间出现，未改动它）。换一个文件名，或加 --force 覆盖它");
        } catch (FileSystemException e) {
            throw unwritable(out, part.getParent(), option, e);
        }
    }

    /**
     * The replaced file's permissions on the new one: the file moved into place is a new one, and an export an operator
     * had made owner-only (0600: personal data) became readable by all (the umask's 0644; review of the twentieth
     * session, M2). Where the system has no POSIX modes, or they cannot be read, as it makes the file.
     */
    private static void keepMode(Path out, Path part) {
        try {
            if (Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(part, Files.getPosixFilePermissions(out, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the system's default, as before
        }
    }

    /** A refusal naming the file, its directory and why it cannot be written there. */
    static BadInput unwritable(Path out, Path dir, String option, FileSystemException e) {
        String why = e instanceof AccessDeniedException ? "目录 " + dir + " 不可写（没有权限）"
                : e instanceof NoSuchFileException ? "目录 " + dir + " 中不能建立文件"
                : "目录 " + dir + " 不可写（" + e.getReason() + "）";
        return new BadInput("无法写入文件 " + out + "：" + why + "，未写入任何内容。请换一个可写的目录（" + option
                + "），或改正该目录的权限");
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover part file is named as such
        }
    }
}
