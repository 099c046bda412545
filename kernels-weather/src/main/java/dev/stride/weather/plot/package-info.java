/** Station charts (JFreeChart): series, rolling mean, band, outliers. */
package dev.stride.weather.plot;
