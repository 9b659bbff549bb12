package org.anju.document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code anju.document.fonts.*} (the PDF's font files; Debian defaults). */
@Configuration
@EnableConfigurationProperties(DocumentFonts.class)
class DocumentConfiguration {
}
