package org.dialsim.stack;

import java.util.List;
import org.dialsim.model.Family;

/**
 * One client stack, fully resolved: every key of SPEC 1.4 has a value. Durations are
 * nanoseconds; {@link org.dialsim.engine.Time#NEVER} means "no limit".
 *
 * @param base the profile it started from, or null
 * @param families families the client may use, in the order given
 * @param order how addresses are ordered
 * @param policyTable the RFC 6724 policy table for {@code order: rfc6724}
 * @param policyTableName {@code rfc6724}, {@code glibc} or {@code custom}
 * @param interleave RFC 8305 section 4 first-address-family count; 0 = no interleaving
 * @param strategy how attempts are run
 * @param attemptDelayNs Happy Eyeballs Connection Attempt Delay
 * @param resolutionDelayNs Happy Eyeballs Resolution Delay; 0 for a synchronous resolver
 * @param maxConcurrent cap on simultaneous attempts ({@code staggered})
 * @param syn the OS SYN schedule
 * @param rst what a RST does
 * @param attemptTimeoutNs application limit per attempt
 * @param timeoutSplit how the remaining time is shared among addresses
 * @param deadlineNs overall establishment limit for one call
 * @param memory what a client learns across calls
 * @param callRetries application retries of a failed call
 * @param advance when a family-race racer starts its next address after a failure
 * @param wakeupEveryNs with {@link Advance#NEXT_WAKEUP}: the longest the application sleeps
 *     between wake-ups, {@link org.dialsim.engine.Time#NEVER} for no such limit
 * @param backupJobNs when a second, independent run of the strategy starts (Chromium's backup
 *     connect job), {@link org.dialsim.engine.Time#NEVER} for none
 * @param tls what a TCP attempt waits for after its SYN-ACK
 * @param https how HTTPS records are queried and used (Happy Eyeballs v3)
 * @param quic QUIC attempts beside TCP ones
 */
public record StackConfig(
    String base,
    List<Family> families,
    Order order,
    List<PolicyRow> policyTable,
    String policyTableName,
    int interleave,
    StrategyKind strategy,
    long attemptDelayNs,
    long resolutionDelayNs,
    int maxConcurrent,
    SynSchedule syn,
    RstAction rst,
    long attemptTimeoutNs,
    TimeoutSplit timeoutSplit,
    long deadlineNs,
    Memory memory,
    CallRetries callRetries,
    Advance advance,
    long wakeupEveryNs,
    long backupJobNs,
    Tls tls,
    Https https,
    Quic quic) {
  /** A stack of A/AAAA and TCP only, as every stack was before HTTPS records and QUIC. */
  public StackConfig(String base, List<Family> families, Order order, List<PolicyRow> policyTable, String policyTableName,
      int interleave, StrategyKind strategy, long attemptDelayNs, long resolutionDelayNs, int maxConcurrent,
      SynSchedule syn, RstAction rst, long attemptTimeoutNs, TimeoutSplit timeoutSplit, long deadlineNs, Memory memory,
      CallRetries callRetries, Advance advance, long wakeupEveryNs, long backupJobNs) {
    this(base, families, order, policyTable, policyTableName, interleave, strategy, attemptDelayNs, resolutionDelayNs,
        maxConcurrent, syn, rst, attemptTimeoutNs, timeoutSplit, deadlineNs, memory, callRetries, advance, wakeupEveryNs,
        backupJobNs, Tls.NONE, Https.OFF, Quic.OFF);
  }

  /** Copies the lists. */
  public StackConfig {
    families = List.copyOf(families);
    policyTable = List.copyOf(policyTable);
  }

  /**
   * The longest one attempt may last: the OS gives up after its SYN schedule, the application
   * may give up sooner ({@code attempt_timeout}); {@link org.dialsim.engine.Time#NEVER} when
   * neither. A timeout split or the deadline may end an attempt earlier still.
   */
  public long attemptLimitNs() {
    return Math.min(syn.giveUpNs(), attemptTimeoutNs);
  }

  /**
   * True when the stack resolves with HTTPS records (Happy Eyeballs v3): its calls take the
   * service path of the simulation; every other stack takes the A/AAAA path, unchanged.
   */
  public boolean usesHttps() {
    return https.query();
  }

  /** True when a backup connect job runs beside the first ({@code backup_job}). */
  public boolean hasBackupJob() {
    return backupJobNs != org.dialsim.engine.Time.NEVER;
  }

  /** True when the stack may use this family. */
  public boolean allows(Family f) {
    return families.contains(f);
  }
}
