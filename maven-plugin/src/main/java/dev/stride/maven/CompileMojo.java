package dev.stride.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rewrites the Stride-annotated classes of {@code target/classes} in place, right after {@code javac}. Running it
 * twice changes nothing; unchanged classes are skipped.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public final class CompileMojo extends AbstractStrideMojo {

    /** The class directory to rewrite. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    String goal() {
        return "compile";
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
        return "compile-state.txt";
    }
}
