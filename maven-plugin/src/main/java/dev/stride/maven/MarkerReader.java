package dev.stride.maven;

import dev.stride.compiler.StrideCompiler;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/** Reads only the class-level annotations of a class file, to see whether Stride's compiled marker is one. */
final class MarkerReader extends ClassVisitor {
    private boolean marked;

    private MarkerReader() {
        super(Opcodes.ASM9);
    }

    /** True when the class is annotated with the marker; false too for bytes that are not a class file. */
    static boolean isMarked(byte[] classFile) {
        MarkerReader reader = new MarkerReader();
        try {
            new ClassReader(classFile)
                    .accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return false; // not a class file: the compiler's InvalidClassFileException reports it
        }
        return reader.marked;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        marked |= StrideCompiler.COMPILED_MARKER.equals(descriptor);
        return null;
    }
}
