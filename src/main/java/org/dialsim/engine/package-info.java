/**
 * The discrete-event kernel: exact integer time, a totally ordered primitive-array event queue
 * and cheap cancellation. It knows nothing of DNS, TCP or scenarios.
 */
package org.dialsim.engine;
