package io.webpubsub.client.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.webpubsub.client.WebPubSubClientBuilder;
import org.junit.jupiter.api.Test;

/**
 * The package rule: the API package {@code io.webpubsub.client} uses the implementation only through
 * {@link WebPubSubClientBuilder}, the one class that creates it; the implementation never reaches back into a
 * builder.
 */
class ArchitectureTest {

    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.webpubsub.client");

    @Test
    void theApiUsesTheImplementationOnlyThroughTheBuilder() {
        noClasses().that().resideInAPackage("io.webpubsub.client")
                .and(not(belongToAnyOf(WebPubSubClientBuilder.class)))
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
