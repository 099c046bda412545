/** Rolling-window outlier detection over station time series. */
package dev.stride.weather;
