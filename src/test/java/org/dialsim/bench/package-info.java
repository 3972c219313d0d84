/**
 * Performance benchmarks (SPEC 6 "Fast"): JMH benchmarks of the event list and of whole
 * replications against a {@code java.util.PriorityQueue} baseline, and a whole-run harness.
 *
 * <p>Run with {@code mvn -Ddialsim.build=target-bench -Pbench test-compile exec:exec
 * -Dexec.args="-classpath %classpath org.openjdk.jmh.Main org.dialsim.bench -f 1 -wi 2 -i 3 -w 2s -r 2s"};
 * the whole run with {@code -Dexec.args="-classpath %classpath org.dialsim.bench.WholeRun"}.
 */
package org.dialsim.bench;
