/** The weather kernels: plain scalar loops over primitive arrays, rewritten by Stride at build time. */
package dev.stride.weather.kernels;
