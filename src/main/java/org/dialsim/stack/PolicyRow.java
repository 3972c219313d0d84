package org.dialsim.stack;

import org.dialsim.model.Prefix;

/**
 * One row of an RFC 6724 policy table. IPv4 prefixes are written in their IPv4-mapped form
 * ({@code ::ffff:0:0/96}), as the RFC and {@code /etc/gai.conf} do.
 *
 * @param prefix the IPv6 prefix
 * @param precedence higher is preferred (rule 6)
 * @param label source and destination with equal labels are preferred (rule 5)
 */
public record PolicyRow(Prefix prefix, int precedence, int label) {}
