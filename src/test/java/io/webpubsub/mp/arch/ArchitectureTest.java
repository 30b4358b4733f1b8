package io.webpubsub.mp.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The package rules: the contract packages ({@code io.webpubsub.mp}, {@code .events}, {@code .models},
 * {@code .rest}, {@code .spi}) never use the implementation, without exception (the builder and
 * {@code EventEndpoint} reach it through {@code spi.WebPubSubProvider}), and the implementation's packages form no
 * cycle.
 */
class ArchitectureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.webpubsub.mp");

    @Test
    void theApiNeverUsesTheImplementation() {
        noClasses().that().resideInAnyPackage("io.webpubsub.mp", "io.webpubsub.mp.events", "io.webpubsub.mp.models",
                "io.webpubsub.mp.rest", "io.webpubsub.mp.spi")
                .should().dependOnClassesThat().resideInAPackage("io.webpubsub.mp.impl..")
                .check(LIBRARY);
    }

    @Test
    void theImplementationPackagesFormNoCycle() {
        slices().matching("io.webpubsub.mp.impl.(*)..").should().beFreeOfCycles().check(LIBRARY);
    }
}
