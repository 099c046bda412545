package dev.stride.compiler.specialise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constant javac folds from literals that each fit ({@code 1e30 * 1e30}) is invisible to the annotation processor;
 * the substitution itself refuses it, on both paths, with the kernel's file and line.
 */
class SpecialisationBackstopTest {
    private static final String SOURCE = """
            package p;

            import dev.stride.ElementKind;
            import dev.stride.Jit;

            public class Folded {
                @Jit(alsoFor = ElementKind.FLOAT)
                public static double f(double[] a) {
                    return a[0] * (1e30 * 1e30);
                }
            }
            """;
    private static final String REASON =
            "f: cannot specialise to FLOAT: the constant 1.0000000000000001E60 is outside the range of" + " float";

    @Test
    void foldedConstant_isABuildError(@TempDir Path root) throws Exception {
        Path classes = SpecialisationBuild.javac(root, Map.of("p.Folded", SOURCE));

        byte[] overloads = Files.readAllBytes(classes.resolve("p/FoldedOverloads.class"));
        ClassRewrite rewrite =
                new StrideCompiler(CompilerOptions.defaults()).compile(overloads, ClassLibrary.roots(List.of(classes)));

        assertFalse(rewrite.changed());
        assertEquals(
                List.of("Folded.java:9: error: " + REASON),
                rewrite.diagnostics().stream().map(d -> d.format()).toList());
    }

    @Test
    void foldedConstant_isAnErrorAtTheFirstCall(@TempDir Path root) throws Exception {
        Path classes = SpecialisationBuild.javac(root, Map.of("p.Folded", SOURCE));
        Class<?> overloads = SpecialisationBuild.loader(classes).loadClass("p.FoldedOverloads");

        InvocationTargetException thrown = assertThrows(
                InvocationTargetException.class,
                () -> overloads.getMethod("f", float[].class).invoke(null, (Object) new float[1]));

        assertEquals(
                "Stride: cannot make the FLOAT specialisation of p.Folded.f([D)D: Folded.java:9: " + REASON,
                thrown.getCause().getMessage());
    }
}
