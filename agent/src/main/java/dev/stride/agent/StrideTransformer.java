package dev.stride.agent;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.StrideCompiler;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Rewrites Stride-annotated classes as they load. Cheap tests come first, because the JVM calls this for every
 * class: JDK classes and the agent's own are skipped by loader and name, and a byte search for {@code dev/stride/}
 * in the class file rules out almost every other class before anything is parsed.
 *
 * <p>Any failure (unreadable class, compiler crash, compile error, an added class that cannot be defined) is
 * logged once for the class and the original bytes load unchanged. Classes already rewritten by the Maven plugin
 * carry the compiled marker and are left alone.
 */
final class StrideTransformer implements ClassFileTransformer {
    private static final byte[] STRIDE_PACKAGE = "dev/stride/".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMPILED_MARKER = StrideCompiler.COMPILED_MARKER.getBytes(StandardCharsets.UTF_8);
    private static final List<String> JDK_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");
    private static final List<String> OWN_PREFIXES = List.of("dev/stride/agent/", "dev/stride/compiler/");

    /** Set while this thread transforms, so classes the compiler itself loads are not examined recursively. */
    private static final ThreadLocal<Boolean> TRANSFORMING = ThreadLocal.withInitial(() -> false);

    private final AgentOptions options;
    private final KernelCompiler compiler;
    private final AddedClassDefiner definer;
    private final AgentLog log;

    StrideTransformer(AgentOptions options, KernelCompiler compiler, AddedClassDefiner definer, AgentLog log) {
        this.options = options;
        this.compiler = compiler;
        this.definer = definer;
        this.log = log;
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String className,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] classFile) {
        if (className == null || classBeingRedefined != null || !isCandidate(loader, className, classFile)) {
            return null;
        }
        if (TRANSFORMING.get()) {
            return null;
        }
        TRANSFORMING.set(true);
        try {
            return rewrite(loader, className, protectionDomain, classFile);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            log.failure(className, e.toString());
            return null;
        } finally {
            TRANSFORMING.set(false);
        }
    }

    private boolean isCandidate(ClassLoader loader, String className, byte[] classFile) {
        boolean jdk = loader == null
                || loader == ClassLoader.getPlatformClassLoader()
                || JDK_PREFIXES.stream().anyMatch(className::startsWith);
        if (jdk && !options.includeJdk()) {
            return false;
        }
        return OWN_PREFIXES.stream().noneMatch(className::startsWith)
                && !className.startsWith("dev/stride/runtime/")
                && indexOf(classFile, STRIDE_PACKAGE) >= 0;
    }

    private byte[] rewrite(ClassLoader loader, String className, ProtectionDomain domain, byte[] classFile) {
        boolean compiledAtBuild = indexOf(classFile, COMPILED_MARKER) >= 0 && MarkerReader.isMarked(classFile);
        if (compiledAtBuild || !compiler.hasStrideAnnotations(classFile)) {
            return null;
        }
        long start = System.nanoTime();
        ClassRewrite rewrite = compiler.compile(classFile, loader);
        long micros = (System.nanoTime() - start) / 1000;
        rewrite.diagnostics().forEach(this::logDiagnostic);
        writeReport(rewrite);
        String outcome = rewrite.changed() ? "rewritten" : "unchanged";
        log.info("examined " + className.replace('/', '.') + ": "
                + rewrite.report().methods().size() + " annotated methods, " + outcome + " in " + micros + " us");
        if (rewrite.hasErrors()) {
            log.failure(className, "the compiler reported errors");
            return null;
        }
        if (!rewrite.changed()) {
            return null;
        }
        if (loader == null && !rewrite.addedClasses().isEmpty()) {
            log.failure(className, "added classes cannot be defined in the boot loader");
            return null;
        }
        definer.defineAll(loader, domain, rewrite.addedClasses());
        return rewrite.rewrittenClass();
    }

    private void logDiagnostic(Diagnostic diagnostic) {
        if (diagnostic.severity() == Diagnostic.Severity.NOTE) {
            log.info(diagnostic.format());
        } else {
            log.warn(diagnostic.format());
        }
    }

    private void writeReport(ClassRewrite rewrite) {
        Path directory = options.reportDirectory();
        if (directory == null) {
            return;
        }
        StringBuilder text = new StringBuilder("class " + rewrite.internalName().replace('/', '.'));
        text.append(rewrite.changed() ? ": rewritten at load time\n" : ": unchanged at load time\n");
        rewrite.report()
                .methods()
                .forEach(method -> text.append("  ")
                        .append(method.annotation())
                        .append(' ')
                        .append(method.name())
                        .append(method.descriptor())
                        .append(": ")
                        .append(method.loops().size())
                        .append(" loops\n"));
        rewrite.diagnostics()
                .forEach(diagnostic -> text.append(diagnostic.format()).append('\n'));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(rewrite.internalName().replace('/', '.') + ".txt"), text);
        } catch (IOException e) {
            log.failure(rewrite.internalName() + "#report", "cannot write the report: " + e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
