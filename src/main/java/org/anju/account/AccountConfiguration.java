package org.anju.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Every transaction is stamped with the acting user for the audit trail. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, ObjectProvider<Access> access,
                                                  ObjectProvider<org.anju.platform.RequestLockWait> lockWait) {
        return new AuditingTransactionManager(dataSource, access, lockWait);
    }

    /** bcrypt, with the algorithm named in the stored hash ({bcrypt}…) so it can be changed later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
