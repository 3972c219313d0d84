package org.dialsim.model;

/** Which destinations a path rule applies to. */
public sealed interface Match {
  /** True when the rule applies to this address of this host (host may be null: stale). */
  boolean matches(Address address, String hostName);

  /** Every address: {@code to: any}. */
  record ToAny() implements Match {
    @Override
    public boolean matches(Address address, String hostName) {
      return true;
    }
  }

  /** Every address of one family: {@code to: ipv6}. */
  record ToFamily(Family family) implements Match {
    @Override
    public boolean matches(Address address, String hostName) {
      return address.family() == family;
    }
  }

  /** Addresses inside a prefix: {@code to: 192.0.2.0/24}. */
  record ToPrefix(Prefix prefix) implements Match {
    @Override
    public boolean matches(Address address, String hostName) {
      return prefix.contains(address);
    }
  }

  /** One address: {@code to: 192.0.2.1}. */
  record ToAddress(Address target) implements Match {
    @Override
    public boolean matches(Address address, String hostName) {
      return address.equals(target);
    }
  }

  /** Every address of one host: {@code to: fe1}. */
  record ToHost(String host) implements Match {
    @Override
    public boolean matches(Address address, String hostName) {
      return host.equals(hostName);
    }
  }
}
