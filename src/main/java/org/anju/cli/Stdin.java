package org.anju.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** One line from standard input (a password piped in: {@code echo … | anju user add … --password-stdin}). */
final class Stdin {

    private Stdin() {
    }

    static String line() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.strip();
    }
}
