package org.anju.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rental draw verify} re-runs a published draw from the files alone, with no application context. */
class DrawVerifyCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DrawVerifyCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The four-household case of src/test/resources/rental/draw/vectors.tsv, from the Python reference. */
    static final String RESULT = "41fa63666489ea3300e1039f1babc4a2276097b8456e455b1701f00e0460dc0f";
    static final String LIST = "540e73c26893bbf1dbc6010b1e153b43bcd43918ff1bd3c89655f00956240fbf";

    @Test
    void aPublishedDrawIsConfirmedFromItsListAndSeed() throws Exception {
        // as an office would publish it: GBK, Windows line ends, a blank line, in no particular order
        Path list = Files.write(dir.resolve("名单.txt"),
                "GZ2024-0004\r\nGZ2024-0001\r\n\r\n GZ2024-0003 \r\nGZ2024-0002\r\n".getBytes(Charset.forName("GBK")));
        Run r = run("rental", "draw", "verify", "--candidates", list.toString(), "--seed", "2024102",
                "--expect", RESULT, "--expect-candidates", LIST);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("候选名单：4 户，SHA-256 " + LIST)
                .contains("1\tGZ2024-0001\n2\tGZ2024-0004\n3\tGZ2024-0003\n4\tGZ2024-0002\n")
                .contains("结果 SHA-256：" + RESULT).contains("与公布的结果一致");
    }

    @Test
    void aDifferentResultOrListIsSaid() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), "GZ2024-0001\nGZ2024-0002\nGZ2024-0003\n");
        Run r = run("rental", "draw", "verify", "--candidates", list.toString(), "--seed", "2024102",
                "--expect", RESULT, "--expect-candidates", LIST);
        assertThat(r.exit()).isEqualTo(Cli.FINDINGS);
        assertThat(r.err()).contains("候选名单与公布的不符：公布 " + LIST).contains("与公布的结果不符：公布 " + RESULT);
    }

    @Test
    void badInputNamesTheLine() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), "GZ2024-0001\n\nGZ2024 0002\n");
        Run r = run("rental", "draw", "verify", "--candidates", list.toString(), "--seed", "2024102");
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("错误：list.txt 第 3 行的申请编号“GZ2024 0002”不可用");
        Run missing = run("rental", "draw", "verify", "--candidates", dir.resolve("none.txt").toString(), "--seed", "1");
        assertThat(missing.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err()).contains("文件不存在");
        Run noSeed = run("rental", "draw", "verify", "--candidates", list.toString());
        assertThat(noSeed.exit()).isEqualTo(Cli.BAD_INPUT);
    }
}
