package dev.stride.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.CompilerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void parse_noArgumentsGivesDefaults() {
        AgentOptions options = AgentOptions.parse(null);

        assertEquals(new AgentOptions(false, 0, false, null, false), options);
        assertEquals(new CompilerOptions(false, false, 0, false, "load"), options.compilerOptions());
    }

    @Test
    void parse_readsEveryOptionAndIgnoresStrict() {
        AgentOptions options = AgentOptions.parse("fastmath,strict,simdWidth=512,verbose,report=out/r,includeJdk");

        assertEquals(new AgentOptions(true, 512, true, Path.of("out/r"), true), options);
    }

    @Test
    void parse_rejectsUnknownOptionAndBadWidth() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("fastmth"));
        IllegalArgumentException width =
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("simdWidth=128"));

        assertTrue(unknown.getMessage().contains("'fastmth'"));
        assertTrue(width.getMessage().contains("'128'"));
    }
}
