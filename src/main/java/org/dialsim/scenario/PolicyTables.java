package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialsim.model.Address;
import org.dialsim.model.Family;
import org.dialsim.model.Prefix;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.stack.PolicyRow;
import org.dialsim.stack.Rfc6724;

/** Binds a stack's {@code policy_table:}: a built-in table's name, or rows replacing it. */
final class PolicyTables {
  /** A custom table's name in {@link org.dialsim.stack.StackConfig#policyTableName()}. */
  static final String CUSTOM = "custom";

  /**
   * The built-in policy tables by name. The rows live with the sorter that reads them
   * ({@link Rfc6724}); defaults.yaml documents the names.
   */
  static final Map<String, List<PolicyRow>> BUILT_IN = tables();

  private static final List<String> ROW_KEYS = List.of("prefix", "precedence", "label");
  private static final String ROW = "{ prefix: \"::/0\", precedence: 40, label: 1 }";

  private PolicyTables() {}

  /**
   * A policy table and the name it is shown by.
   *
   * @param name a built-in name or {@link #CUSTOM}
   * @param rows its rows
   */
  record Table(String name, List<PolicyRow> rows) {}

  /** The table, or null after a problem. */
  static Table bind(Key key) {
    Node n = key.node();
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s) {
      List<PolicyRow> rows = BUILT_IN.get(s.text());
      if (rows == null) {
        key.problem("unknown policy table " + Messages.quote(s.text()) + "; "
            + Suggest.hint(s.text(), BUILT_IN.keySet()) + " (or write a list of { prefix, precedence, label })");
        return null;
      }
      return new Table(s.text(), rows);
    }
    List<PolicyRow> bound = rows(key);
    return bound == null ? null : new Table(CUSTOM, bound);
  }

  private static Map<String, List<PolicyRow>> tables() {
    Map<String, List<PolicyRow>> m = new LinkedHashMap<>();
    m.put("rfc6724", Rfc6724.DEFAULT_TABLE);
    m.put("glibc", Rfc6724.GLIBC_TABLE);
    return Collections.unmodifiableMap(m);
  }

  private static List<PolicyRow> rows(Key key) {
    List<Key> items = key.nonEmptyItems("[" + ROW + "]", "give at least one row such as " + ROW);
    if (items == null) {
      return null;
    }
    List<PolicyRow> out = new ArrayList<>();
    boolean ok = true;
    for (Key item : items) {
      Section f = Section.of(item, ROW_KEYS, ROW);
      if (f == null) {
        ok = false;
        continue;
      }
      Prefix prefix = prefix(f.required("prefix", "\"::ffff:0:0/96\""));
      Long precedence = f.required("precedence", "35").whole(0, Integer.MAX_VALUE);
      Long label = f.required("label", "4").whole(0, Integer.MAX_VALUE);
      if (prefix == null || precedence == null || label == null) {
        ok = false;
        continue;
      }
      out.add(new PolicyRow(prefix, precedence.intValue(), label.intValue()));
    }
    return ok ? out : null;
  }

  /**
   * An IPv6 prefix of a policy row. IPv4 rows are written IPv4-mapped ({@code ::ffff:0:0/96});
   * {@link Address#parse} folds such literals into IPv4, so the 128-bit form is rebuilt here.
   */
  private static Prefix prefix(Key key) {
    String text = key.text();
    if (text == null) {
      return null;
    }
    String example = "; write an IPv6 prefix such as \"2001:db8::/32\" or \"::ffff:0:0/96\"";
    int slash = text.indexOf('/');
    Address a = slash < 0 ? null : Address.parse(text.substring(0, slash)).orElse(null);
    if (a == null) {
      key.problem(Messages.quote(text) + " is not a prefix" + example);
      return null;
    }
    String addressText = text.substring(0, slash).strip().toLowerCase(Locale.ROOT);
    if (a.family() == Family.IPV4) {
      if (!addressText.contains(":")) {
        key.problem(Messages.quote(text) + " is an IPv4 prefix; policy tables write IPv4 in IPv4-mapped form, e.g. \"::ffff:192.0.2.0/120\"");
        return null;
      }
      a = new Address(addressText, Family.IPV6, 0L, (0xffffL << 32) | a.lo());
    }
    String digits = text.substring(slash + 1).strip();
    if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > 128) {
      key.problem(Messages.quote(text) + " has a bad length" + example);
      return null;
    }
    return new Prefix(a, Integer.parseInt(digits));
  }
}
