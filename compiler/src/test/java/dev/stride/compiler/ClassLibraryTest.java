package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLibraryTest {
    @TempDir
    Path temp;

    @Test
    void prefersTheStoredOriginalOverARewrittenClass() throws IOException {
        Path classes = temp.resolve("classes");
        write(classes.resolve("a/K.class"), new byte[] {1});
        write(classes.resolve("META-INF/stride/original/a/K.class"), new byte[] {2});

        assertArrayEquals(
                new byte[] {2},
                ClassLibrary.roots(List.of(classes)).classFile("a/K").orElseThrow());
    }

    @Test
    void rewrittenClass_readsTheStoredOriginal() throws IOException {
        Path classes = temp.resolve("classes");
        write(classes.resolve("a/K.class"), classFile(true));
        write(classes.resolve("META-INF/stride/original/a/K.class"), new byte[] {2});

        byte[] found = ClassLibrary.roots(List.of(classes)).classFile("a/K").orElseThrow();

        assertArrayEquals(new byte[] {2}, found);
    }

    @Test
    void classJavacWroteAgain_winsOverTheStaleOriginal() throws IOException {
        Path classes = temp.resolve("classes");
        write(classes.resolve("a/K.class"), classFile(false));
        write(classes.resolve("META-INF/stride/original/a/K.class"), new byte[] {2});

        byte[] found = ClassLibrary.roots(List.of(classes)).classFile("a/K").orElseThrow();

        assertArrayEquals(classFile(false), found);
    }

    /** A class {@code a/K}, with or without the marker rewritten classes carry. */
    private static byte[] classFile(boolean marked) {
        org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
        writer.visit(
                org.objectweb.asm.Opcodes.V21,
                org.objectweb.asm.Opcodes.ACC_PUBLIC,
                "a/K",
                null,
                "java/lang/Object",
                null);
        if (marked) {
            writer.visitAnnotation(StrideCompiler.COMPILED_MARKER, true).visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void searchesRootsInOrderIncludingJars() throws IOException {
        Path first = temp.resolve("first");
        Files.createDirectories(first);
        Path jar = temp.resolve("lib.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("b/L.class"));
            out.write(new byte[] {7, 8});
            out.closeEntry();
        }
        ClassLibrary library = ClassLibrary.roots(List.of(first, jar, temp.resolve("missing")));

        assertArrayEquals(new byte[] {7, 8}, library.classFile("b/L").orElseThrow());
        assertTrue(library.classFile("b/Nope").isEmpty());
        assertTrue(ClassLibrary.none().classFile("b/L").isEmpty());
    }

    @Test
    void readsThroughAClassLoader() {
        assertTrue(ClassLibrary.of(getClass().getClassLoader())
                .classFile("dev/stride/compiler/ClassLibraryTest")
                .isPresent());
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
