package uk.cin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;

/**
 * The module graph, verified on every build: each module uses only the modules its
 * package-info allows, none reaches into another's internals, there are no cycles; the
 * policy engine is plain Java; no controller holds SQL or a transaction.
 */
class ModulesTest {

	static final ApplicationModules MODULES = ApplicationModules.of(CinApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("uk.cin");

	@Test
	void everyModuleUsesOnlyWhatItsPackageInfoAllowsAndThereAreNoCycles() {
		MODULES.verify();
	}

	@Test
	void thePolicyEngineDependsOnNothingButTheJdkItsYamlReaderAndTheHolidayLibrary() {
		classes().that()
			.resideInAPackage("uk.cin.policy..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("uk.cin.policy..", "java..", "org.yaml.snakeyaml..", "de.focus_shift.jollyday..",
					"org.jspecify.annotations..", "org.springframework.modulith..")
			.check(CLASSES);
	}

	@Test
	void noControllerHoldsSqlOrATransaction() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..", "org.springframework.transaction..")
			.check(CLASSES);
	}

}
