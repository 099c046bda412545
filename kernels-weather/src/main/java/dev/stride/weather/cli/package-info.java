/** The ./stride weather command line (picocli): generate, detect, plot, demo. */
package dev.stride.weather.cli;
