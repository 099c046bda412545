package dev.stride.compiler.ufunc;

import dev.stride.compiler.testing.UfuncHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UfuncSmokeTest {
    @Test
    void smoke() throws Exception {
        String source = Files.readString(Path.of("src/test/resources/ufunc/UfuncKernels.java"));
        UfuncHarness.Build build = UfuncHarness.build(Map.of("ufunc.UfuncKernels", source));
        build.rewrites()
                .forEach((name, rewrite) -> rewrite.report()
                        .methods()
                        .forEach(m ->
                                m.loops().forEach(l -> System.out.println(name + " " + m.name() + " " + l.verdict()))));
    }
}
