package dev.stride.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.report.ClassReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The transformer with a fake compiler that really rewrites: the rewritten class calls a holder class that exists
 * only in the compiler's output, so the test passes only if the holder is defined in the loading loader.
 */
class StrideTransformerTest {
    private static final String TARGET = "example/fake/Target";
    private static final String HOLDER = "example/fake/Target$StrideSimd";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(new PrintStream(logged, true, StandardCharsets.UTF_8), true);
    private final FakeCompiler compiler = new FakeCompiler();
    private final StrideTransformer transformer =
            new StrideTransformer(AgentOptions.parse(""), compiler, AddedClassDefiner.create(), log);

    @Test
    void transform_definesAddedClassInTheLoadingLoader() throws Exception {
        TransformingLoader loader = new TransformingLoader(transformer, Map.of(TARGET, target(false)));

        int result =
                (int) loader.loadClass("example.fake.Target").getMethod("run").invoke(null);

        assertEquals(42, result);
        assertEquals(loader, loader.loadClass("example.fake.Target$StrideSimd").getClassLoader());
        assertTrue(logged().contains("examined example.fake.Target: 0 annotated methods, rewritten"), logged());
    }

    @Test
    void transform_compilerCrashLoadsOriginalAndLogsOncePerClass() throws Exception {
        compiler.crash = new IllegalStateException("boom");

        int first = run(new TransformingLoader(transformer, Map.of(TARGET, target(false))));
        int second = run(new TransformingLoader(transformer, Map.of(TARGET, target(false))));

        assertEquals(1, first);
        assertEquals(1, second);
        String expected = "example.fake.Target loads unchanged: java.lang.IllegalStateException: boom";
        assertEquals(1, logged().split(java.util.regex.Pattern.quote(expected), -1).length - 1, logged());
    }

    @Test
    void transform_undefinableAddedClassLoadsOriginal() throws Exception {
        compiler.holder = new byte[] {1, 2, 3};

        int result = run(new TransformingLoader(transformer, Map.of(TARGET, target(false))));

        assertEquals(1, result);
        assertTrue(logged().contains("cannot define added class example.fake.Target$StrideSimd"), logged());
    }

    @Test
    void transform_skipsJdkClassesAndClassesRewrittenAtBuildTime() {
        byte[] jdkNamed =
                transformer.transform(null, getClass().getClassLoader(), "java/fake/Target", null, null, target(false));
        byte[] bootLoader = transformer.transform(null, null, TARGET, null, null, target(false));
        byte[] marked = transformer.transform(null, getClass().getClassLoader(), TARGET, null, null, target(true));

        assertNull(jdkNamed);
        assertNull(bootLoader);
        assertNull(marked);
        assertEquals(0, compiler.compiled);
    }

    private static int run(ClassLoader loader) throws Exception {
        return (int) loader.loadClass("example.fake.Target").getMethod("run").invoke(null);
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    /** {@code Target.run()} returning 1, annotated {@code @Jit}; optionally carrying the compiled marker. */
    static byte[] target(boolean marked) {
        ClassWriter writer = classWriter(TARGET);
        if (marked) {
            writer.visitAnnotation(StrideCompiler.COMPILED_MARKER, true).visitEnd();
        }
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        run.visitAnnotation("Ldev/stride/Jit;", false).visitEnd();
        run.visitCode();
        run.visitInsn(Opcodes.ICONST_1);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return writer.toByteArray();
    }

    /** The rewritten {@code Target.run()}: calls the holder. */
    static byte[] rewrittenTarget() {
        ClassWriter writer = classWriter(TARGET);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        run.visitCode();
        run.visitMethodInsn(Opcodes.INVOKESTATIC, HOLDER, "value", "()I", false);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return writer.toByteArray();
    }

    /** The holder: {@code value()} returns 42. */
    static byte[] holder() {
        ClassWriter writer = classWriter(HOLDER);
        MethodVisitor value = writer.visitMethod(Opcodes.ACC_STATIC, "value", "()I", null, null);
        value.visitCode();
        value.visitIntInsn(Opcodes.BIPUSH, 42);
        value.visitInsn(Opcodes.IRETURN);
        value.visitMaxs(0, 0);
        value.visitEnd();
        return writer.toByteArray();
    }

    private static ClassWriter classWriter(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
        return writer;
    }

    /** Rewrites every annotated class into {@link #rewrittenTarget()} plus the holder. */
    static final class FakeCompiler implements KernelCompiler {
        RuntimeException crash;
        byte[] holder = holder();
        int compiled;

        @Override
        public boolean hasStrideAnnotations(byte[] classFile) {
            return StrideCompiler.hasStrideAnnotations(classFile);
        }

        @Override
        public ClassRewrite compile(byte[] classFile, ClassLoader loader) {
            compiled++;
            if (crash != null) {
                throw crash;
            }
            ClassReport report = new ClassReport("example.fake.Target", null, List.of());
            return new ClassRewrite(TARGET, rewrittenTarget(), Map.of(HOLDER, holder), Map.of(), report, List.of());
        }
    }

    /** A loader that offers its classes to the transformer before defining them, as the JVM does with an agent. */
    static final class TransformingLoader extends ClassLoader {
        private final StrideTransformer transformer;
        private final Map<String, byte[]> classes;
        final List<String> defined = new ArrayList<>();

        TransformingLoader(StrideTransformer transformer, Map<String, byte[]> classes) {
            super("transforming", StrideTransformerTest.class.getClassLoader());
            this.transformer = transformer;
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name.replace('.', '/'));
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] transformed = transformer.transform(null, this, name.replace('.', '/'), null, null, bytes);
            byte[] chosen = transformed == null ? bytes : transformed;
            defined.add(name);
            return defineClass(name, chosen, 0, chosen.length);
        }
    }
}
