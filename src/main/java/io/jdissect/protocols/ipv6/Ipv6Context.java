package io.jdissect.protocols.ipv6;

import io.jdissect.api.Address;
import io.jdissect.api.TreeItem;

/**
 * What the IPv6 header tells its extension headers (Wireshark's ipv6_pinfo_t): the IPv6 item they
 * are shown under and the addresses that key fragment reassembly.
 */
record Ipv6Context(TreeItem tree, Address src, Address dst) {
}
