package org.dialsim.dns;

import org.apache.commons.rng.UniformRandomProvider;
import org.dialsim.stack.Https;

/** The HTTPS records that apply in one try of a {@link ServiceResolution}, in the order tried. */
final class ServiceRecords {
  private final ServiceNames names;
  private final Https https;
  final int[] usable; // applying record numbers, in the order tried
  int usableCount;
  boolean anyEch;

  ServiceRecords(ServiceNames names, Https https) {
    this.names = names;
    this.https = https;
    this.usable = new int[Math.max(1, names.recordCount())];
  }

  /** The AliasMode record of name {@code n}, or -1 (RFC 9460 section 2.4.1: it wins over ServiceMode). */
  int aliasOf(int n) {
    for (int r = names.firstRecord(n); r < names.endRecord(n); r++) {
      if (names.priority(r) == 0) {
        return r;
      }
    }
    return -1;
  }

  /**
   * The ServiceMode records that apply, lowest SvcPriority first (RFC 9460 section 2.4.1; the
   * draft section 5.2), equal ones shuffled or as written, and with {@code ech: prefer} only ech
   * records when any has it.
   */
  void chooseRecords(int n, boolean h3, UniformRandomProvider shuffle) {
    usableCount = 0;
    anyEch = false;
    int speak = (h3 ? ServiceNames.H3 : 0) | ServiceNames.H2 | ServiceNames.HTTP11;
    for (int r = names.firstRecord(n); r < names.endRecord(n); r++) {
      if ((names.alpn(r) & speak) != 0) {
        usable[usableCount++] = r;
        anyEch |= names.ech(r);
      }
    }
    if (https.ech() == Https.Ech.PREFER && anyEch) {
      int k = 0;
      for (int i = 0; i < usableCount; i++) {
        if (names.ech(usable[i])) {
          usable[k++] = usable[i];
        }
      }
      usableCount = k;
    } else {
      anyEch = false; // ech changes nothing for this stack
    }
    // a stable insertion sort by priority: RRsets are small
    for (int i = 1; i < usableCount; i++) {
      int r = usable[i];
      int j = i - 1;
      while (j >= 0 && names.priority(usable[j]) > names.priority(r)) {
        usable[j + 1] = usable[j];
        j--;
      }
      usable[j + 1] = r;
    }
    if (https.shuffleEqualPriority()) {
      for (int i = 0; i < usableCount; ) {
        int j = i;
        while (j < usableCount && names.priority(usable[j]) == names.priority(usable[i])) {
          j++;
        }
        for (int k = j - 1; k > i; k--) {
          int m = i + shuffle.nextInt(k - i + 1);
          int t = usable[k];
          usable[k] = usable[m];
          usable[m] = t;
        }
        i = j;
      }
    }
  }
}
