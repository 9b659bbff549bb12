package org.anju;

import org.anju.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AnjuApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(AnjuApplication.class, args));
        }
        SpringApplication.run(AnjuApplication.class, args);
    }
}
