package dev.stride.compiler.report;

import java.util.List;

/**
 * The report of one class: its annotated methods. This is data; text, JSON and HTML renderers format it.
 *
 * @param className the binary class name ({@code dev.stride.samples.Sum})
 * @param sourceFile the source file name from the class file, or {@code null}
 * @param methods one report per Stride-annotated method, in class-file order
 */
public record ClassReport(String className, String sourceFile, List<MethodReport> methods) {}
