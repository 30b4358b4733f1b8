package io.webpubsub.client.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.webpubsub.client.WebPubSubClientBuilder;
import org.junit.jupiter.api.Test;

/**
 * The package rules: the API packages ({@code io.webpubsub.client}, {@code .spi}) never use the implementation,
 * without exception ({@link WebPubSubClientBuilder} reaches it through {@code spi.WebPubSubClientProvider}); the
 * implementation never reaches back into a builder.
 */
class ArchitectureTest {

    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.webpubsub.client");

    @Test
    void theApiNeverUsesTheImplementation() {
        noClasses().that().resideInAnyPackage("io.webpubsub.client", "io.webpubsub.client.spi")
                .should().dependOnClassesThat().resideInAPackage("io.webpubsub.client.impl..")
                .check(CLIENT);
    }

    @Test
    void theImplementationNeverUsesTheBuilder() {
        noClasses().that().resideInAPackage("io.webpubsub.client.impl..")
                .should().dependOnClassesThat().belongToAnyOf(WebPubSubClientBuilder.class)
                .check(CLIENT);
    }
}
