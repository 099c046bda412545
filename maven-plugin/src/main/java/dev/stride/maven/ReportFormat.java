package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;

/**
 * Renders the outcome of compiling one class into one report file. The plugin only chooses formats by name and
 * writes files; when the compiler ships its own renderers, an adapter implementing this interface plugs them in
 * without touching the rest of the plugin.
 */
interface ReportFormat {

    /** The name users write in {@code reportFormats}, e.g. {@code text}. */
    String name();

    /** The report file's extension without the dot, e.g. {@code txt}. */
    String fileExtension();

    /** The whole report file for one class. */
    String render(ClassRewrite rewrite);
}
