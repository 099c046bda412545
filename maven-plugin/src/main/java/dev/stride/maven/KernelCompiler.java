package dev.stride.maven;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;

/**
 * The two compiler calls the plugin makes, behind an interface so the directory walk can be tested with a fake
 * compiler that really rewrites (the real one may still return every class unchanged).
 */
interface KernelCompiler {

    /** Whether the class file carries Stride annotations; throws InvalidClassFileException for garbage. */
    boolean hasStrideAnnotations(byte[] classFile);

    /** Compiles one class; throws InvalidClassFileException for garbage. */
    ClassRewrite compile(byte[] classFile);

    /** The real compiler with the given options, finding other classes in the library. */
    static KernelCompiler stride(CompilerOptions options, ClassLibrary library) {
        StrideCompiler compiler = new StrideCompiler(options);
        return new KernelCompiler() {
            @Override
            public boolean hasStrideAnnotations(byte[] classFile) {
                return StrideCompiler.hasStrideAnnotations(classFile);
            }

            @Override
            public ClassRewrite compile(byte[] classFile) {
                return compiler.compile(classFile, library);
            }
        };
    }
}
