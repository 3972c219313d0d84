package org.dialsim.model;

import java.util.List;
import java.util.Set;

/**
 * A physical machine. When it is down, every one of its addresses is dead at once (shared fate).
 *
 * @param name the scenario's name for it
 * @param addresses the addresses it owns
 * @param listensOn families it accepts connections on; a SYN of another family gets a RST
 * @param down windows in which it is down (from {@code down:} and {@code network.faults})
 * @param failure random failure, or null
 * @param quic true when it answers QUIC on UDP; false: its kernel answers a QUIC Initial with an
 *     ICMP port unreachable (the UDP analogue of a RST)
 */
public record Host(String name, List<Address> addresses, Set<Family> listensOn, List<Window> down, Failure failure,
    boolean quic) {
  /** A host that answers QUIC, as every host did before QUIC was modelled. */
  public Host(String name, List<Address> addresses, Set<Family> listensOn, List<Window> down, Failure failure) {
    this(name, addresses, listensOn, down, failure, true);
  }

  /** Copies the collections. */
  public Host {
    addresses = List.copyOf(addresses);
    // an EnumSet iterates in a fixed order (ipv4, ipv6), unlike Set.copyOf
    listensOn = listensOn.isEmpty() ? java.util.Collections.unmodifiableSet(java.util.EnumSet.noneOf(Family.class))
        : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(listensOn));
    down = List.copyOf(down);
  }
}
