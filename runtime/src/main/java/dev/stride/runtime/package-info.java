/** What rewritten classes call at run time: configuration, the Vector API guard and (later) the parallel pool. */
package dev.stride.runtime;
