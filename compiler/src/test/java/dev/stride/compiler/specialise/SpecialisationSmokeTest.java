package dev.stride.compiler.specialise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecialisationSmokeTest {
    @Test
    void smoke(@TempDir Path root) throws Exception {
        String source = new String(getClass()
                .getResourceAsStream("/specialise/spec/SpecialKernels.java")
                .readAllBytes());
        Path classes = SpecialisationBuild.javac(root, Map.of("spec.SpecialKernels", source));
        System.out.println(Files.readString(root.resolve("generated/spec/SpecialKernelsOverloads.java")));
        Class<?> overloads = SpecialisationBuild.loader(classes).loadClass("spec.SpecialKernelsOverloads");
        Method sum = overloads.getMethod("sum", float[].class);
        long start = System.nanoTime();
        Object result = sum.invoke(null, (Object) new float[] {1, 2, 3.5f});
        System.out.println("first call " + (System.nanoTime() - start) / 1e6 + " ms");
        assertEquals(6.5f, result);
        Path rewritten = root.resolve("rewritten");
        SpecialisationBuild.rewrite(classes, rewritten);
        Class<?> built = SpecialisationBuild.loader(rewritten).loadClass("spec.SpecialKernelsOverloads");
        start = System.nanoTime();
        result = built.getMethod("sum", float[].class).invoke(null, (Object) new float[] {1, 2, 3.5f});
        System.out.println("first call built " + (System.nanoTime() - start) / 1e6 + " ms");
        assertEquals(6.5f, result);
    }
}
