package org.anju.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A password piped in on standard input: {@code printf '%s\n' "$NEW_PASSWORD" | anju user add … --password-stdin}. */
final class Stdin {

    private Stdin() {
    }

    /**
     * The first line, as given: the line's end (LF or CRLF) is not part of it, spaces around it are. They used to be
     * stripped, so {@code ' Abcdefgh1234 '} set {@code Abcdefgh1234} and said nothing (operator trial of the twentieth
     * session): a password is not guessed at — a line with spaces around it is refused, naming them.
     *
     * @param command the command as typed before {@code --password-stdin}, for the example in the refusal
     */
    static String password(String command) throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        String example = "printf '%s\\n' \"$NEW_PASSWORD\" | java -jar anju.jar " + command + " --password-stdin";
        if (line == null || line.isBlank()) {
            throw new org.anju.platform.BadInput("标准输入中没有密码：用 --password-stdin 时把密码从标准输入传入，如 "
                    + example + "；或去掉 --password-stdin，由系统生成一个密码");
        }
        if (!line.equals(line.strip())) {
            throw new org.anju.platform.BadInput("从标准输入读到的这一行首尾有空格或制表符：密码不能含空白，也不会替你去掉"
                    + "（去掉后就不是你给的密码了）。请只传入密码本身，如 " + example);
        }
        return line;
    }
}
