package org.anju.cli;

import org.anju.privacy.Column;
import org.anju.privacy.PersonalColumns;
import org.anju.privacy.PersonalData;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "privacy", mixinStandardHelpOptions = true, description = "个人信息：密钥轮换",
        subcommands = PrivacyCommand.Reencrypt.class)
class PrivacyCommand {

    /**
     * Re-seals every declared column's values that are not yet under the current key (after a new key version was
     * added to anju.privacy.key); each column's count is logged once in the access log. Safe to run again.
     */
    @Command(name = "reencrypt", mixinStandardHelpOptions = true,
            description = "用当前版本的密钥重新加密全部个人信息列（新增密钥版本后运行；可重复运行）")
    static class Reencrypt implements Callable<Integer> {

        private final PersonalData personalData;
        private final ObjectProvider<PersonalColumns> columns;

        @Spec
        CommandSpec spec;

        Reencrypt(PersonalData personalData, ObjectProvider<PersonalColumns> columns) {
            this.personalData = personalData;
            this.columns = columns;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            int total = 0;
            for (Column c : columns.orderedStream().flatMap(p -> p.columns().stream()).toList()) {
                int n = personalData.reencrypt(c);
                total += n;
                out.printf("%s：重新加密 %d 个值%n", c, n);
            }
            out.printf("完成：共重新加密 %d 个值%n", total);
            return Cli.OK;
        }
    }
}
