package dev.stride.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.processor.StrideProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's path for specialisations: a generated overloads class is rewritten at load time with the specialised,
 * vectorised code, so its run-time compilation (the lazy handle holder) never happens.
 */
class AgentSpecialisationTest {
    private static final String SOURCE = """
            package p;

            import dev.stride.ElementKind;
            import dev.stride.Jit;

            public class K {
                @Jit(fastmath = true, alsoFor = ElementKind.FLOAT)
                public static double sum(double[] a) {
                    double total = 0;
                    for (int i = 0; i < a.length; i++) {
                        total += a[i];
                    }
                    return total;
                }
            }
            """;

    @Test
    void overloadsClass_isSpecialisedAtLoadTime(@TempDir Path root) throws Exception {
        Path classes = javac(root);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(new PrintStream(logged, true, StandardCharsets.UTF_8), true);
        StrideTransformer transformer = new StrideTransformer(
                AgentOptions.parse(""),
                KernelCompiler.stride(CompilerOptions.defaults().compiledAt("load")),
                AddedClassDefiner.create(),
                log);
        TransformingUrlLoader loader = new TransformingUrlLoader(classes, transformer);

        Object result = loader.loadClass("p.KOverloads")
                .getMethod("sum", float[].class)
                .invoke(null, (Object) new float[] {1, 2, 3.5f});

        assertEquals(6.5f, result);
        String text = logged.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("examined p.KOverloads: 1 annotated methods, rewritten"), text);
        assertFalse(loader.defined.contains("p.KOverloads$Handle1"), loader.defined.toString());
    }

    private static Path javac(Path root) throws IOException {
        Path source = root.resolve("src/p/K.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path classes = Files.createDirectories(root.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-g",
                    "-d",
                    classes.toString(),
                    "-s",
                    Files.createDirectories(root.resolve("generated")).toString(),
                    "-classpath",
                    System.getProperty("java.class.path"));
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, manager, null, options, null, manager.getJavaFileObjects(source));
            task.setProcessors(List.of(new StrideProcessor()));
            assertTrue(task.call());
        }
        return classes;
    }

    /** Serves a class directory, offering each class to the transformer before defining it, as the JVM does. */
    private static final class TransformingUrlLoader extends URLClassLoader {
        private final StrideTransformer transformer;
        final List<String> defined = new ArrayList<>();

        TransformingUrlLoader(Path classes, StrideTransformer transformer) throws IOException {
            super("transforming", new URL[] {classes.toUri().toURL()}, AgentSpecialisationTest.class.getClassLoader());
            this.transformer = transformer;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String internal = name.replace('.', '/');
            byte[] bytes;
            try (InputStream in = getResourceAsStream(internal + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            byte[] transformed = transformer.transform(null, this, internal, null, null, bytes);
            byte[] chosen = transformed == null ? bytes : transformed;
            defined.add(name);
            return defineClass(name, chosen, 0, chosen.length);
        }
    }
}
