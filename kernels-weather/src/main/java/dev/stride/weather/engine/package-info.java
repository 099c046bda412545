/** Kernel engines: the Stride-rewritten kernels or the plain original code, behind one interface. */
package dev.stride.weather.engine;
