/**
 * The client stack under test: how it orders addresses, how it runs connection attempts
 * (strategies), its SYN schedule and timers, what it learns, and the built-in profiles.
 */
package org.dialsim.stack;
