package io.jdissect.protocols.imf;

/**
 * One mailbox of an address header as RFC 5322 §3.4 defines it: the display name (RFC 2047
 * decoded, quotes removed; for the obsolete {@code addr (Name)} form the comment), the
 * addr-spec, and the name of the group it was listed in (null outside a group).
 */
public record MailAddress(String displayName, String address, String group) {
    /** {@code "Name" <addr>} or just {@code addr}, for display. */
    @Override
    public String toString() {
        if (displayName == null || displayName.isEmpty()) {
            return address;
        }
        return displayName + " <" + address + ">";
    }
}
