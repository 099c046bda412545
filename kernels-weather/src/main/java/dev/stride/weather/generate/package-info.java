/** Deterministic synthetic ISD-Lite-shaped station data. */
package dev.stride.weather.generate;
