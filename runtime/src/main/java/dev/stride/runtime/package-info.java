/** What rewritten classes call at run time: configuration, the Vector API guard; parallel loops are in {@code parallel}. */
package dev.stride.runtime;
