package dev.stride.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the Stride-annotated classes of {@code target/test-classes} in place, after the test {@code javac}. */
@Mojo(
        name = "test-compile",
        defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class TestCompileMojo extends AbstractStrideMojo {

    /** The test class directory to rewrite. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    File testClassesDirectory;

    /** Skips this goal along with test compilation. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean testSkip;

    /** The test class path, where functions of other classes and modules are looked up. */
    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Override
    List<String> libraryPath() {
        return classpathElements;
    }

    @Override
    File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    String goal() {
        return "test-compile";
    }

    @Override
    String compiledAt() {
        return "build";
    }

    @Override
    ClassDirectoryCompiler.Mode mode() {
        return ClassDirectoryCompiler.Mode.REWRITE;
    }

    @Override
    String stateFileName() {
        return "test-compile-state.txt";
    }

    @Override
    boolean skippedByGoal() {
        return testSkip;
    }
}
