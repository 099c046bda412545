package dev.stride.agent;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;

/** The compiler calls the transformer makes, behind an interface so tests can plug in a compiler that rewrites. */
interface KernelCompiler {

    /** Whether the class file carries Stride annotations. */
    boolean hasStrideAnnotations(byte[] classFile);

    /** Compiles one class; other classes it needs are read through its defining loader. */
    ClassRewrite compile(byte[] classFile, ClassLoader loader);

    /** The real compiler with the given options. */
    static KernelCompiler stride(CompilerOptions options) {
        StrideCompiler compiler = new StrideCompiler(options);
        return new KernelCompiler() {
            @Override
            public boolean hasStrideAnnotations(byte[] classFile) {
                return StrideCompiler.hasStrideAnnotations(classFile);
            }

            @Override
            public ClassRewrite compile(byte[] classFile, ClassLoader loader) {
                return compiler.compile(classFile, ClassLibrary.of(loader));
            }
        };
    }
}
