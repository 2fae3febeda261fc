package dev.tributary.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layering of DESIGN.md, enforced: a change that breaks it fails the build. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tributary");
    }

    @Test
    void coreShouldDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.tributary.core..")
                .should().dependOnClassesThat(resideInAnyPackage("dev.tributary..")
                        .and(not(resideInAnyPackage("dev.tributary.core.."))))
                .because("core holds the model and engine; it has no network, Kafka or HTTP code")
                .check(classes);
    }

    @Test
    void coreShouldUseNoNetworkLibraries() {
        noClasses().that().resideInAPackage("dev.tributary.core..")
                .should().dependOnClassesThat(resideInAnyPackage("org.apache.kafka..", "io.javalin..",
                        "org.eclipse.jetty..", "org.apache.curator..", "org.apache.zookeeper..", "java.net.http.."))
                .check(classes);
    }

    @Test
    void spiShouldDependOnNoImplementation() {
        DescribedPredicate<JavaClass> implementation = resideInAnyPackage("dev.tributary..")
                .and(not(resideInAnyPackage("dev.tributary.core.spi..")))
                .and(not(INTERFACES))
                .and(not(JavaClass.Predicates.assignableTo(Record.class)))
                .and(not(JavaClass.Predicates.assignableTo(RuntimeException.class)))
                .as("implementation classes");
        noClasses().that().resideInAPackage("dev.tributary.core.spi..")
                .should().dependOnClassesThat(implementation)
                .check(classes);
    }

    @Test
    void onlyTheServerAssemblyShouldUseTheHttpLayer() {
        noClasses().that().resideOutsideOfPackages("dev.tributary.worker.http..", "dev.tributary.worker.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.tributary.worker.http..")
                .check(classes);
    }

    @Test
    void theKafkaFirehoseShouldNotKnowTheWorker() {
        noClasses().that().resideInAPackage("dev.tributary.kafka..")
                .should().dependOnClassesThat().resideInAPackage("dev.tributary.worker..")
                .check(classes);
    }
}
