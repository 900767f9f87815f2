package io.jdissect.api;

/**
 * Wireshark's field types (epan/ftypes), by the names tshark prints in {@code -G fields}.
 * The width is the number of bytes of the integer types; it drives hex formatting
 * ({@code 0x0800} for FT_UINT16) and bitmask rendering.
 */
public enum FieldType {
    FT_NONE("Label", 0),
    FT_PROTOCOL("Protocol", 0),
    FT_BOOLEAN("Boolean", 0),
    FT_CHAR("Character (1 byte)", 1),
    FT_UINT8("Unsigned integer (1 byte)", 1),
    FT_UINT16("Unsigned integer (2 bytes)", 2),
    FT_UINT24("Unsigned integer (3 bytes)", 3),
    FT_UINT32("Unsigned integer (4 bytes)", 4),
    FT_UINT40("Unsigned integer (5 bytes)", 5),
    FT_UINT48("Unsigned integer (6 bytes)", 6),
    FT_UINT56("Unsigned integer (7 bytes)", 7),
    FT_UINT64("Unsigned integer (8 bytes)", 8),
    FT_INT8("Signed integer (1 byte)", 1),
    FT_INT16("Signed integer (2 bytes)", 2),
    FT_INT24("Signed integer (3 bytes)", 3),
    FT_INT32("Signed integer (4 bytes)", 4),
    FT_INT40("Signed integer (5 bytes)", 5),
    FT_INT48("Signed integer (6 bytes)", 6),
    FT_INT56("Signed integer (7 bytes)", 7),
    FT_INT64("Signed integer (8 bytes)", 8),
    FT_FLOAT("Floating point (single-precision)", 4),
    FT_DOUBLE("Floating point (double-precision)", 8),
    FT_ABSOLUTE_TIME("Date and time", 0),
    FT_RELATIVE_TIME("Time offset", 0),
    FT_STRING("Character string", 0),
    FT_STRINGZ("Character string", 0),
    FT_ETHER("Ethernet or other MAC address", 6),
    FT_BYTES("Byte sequence", 0),
    FT_IPv4("IPv4 address", 4),
    FT_IPv6("IPv6 address", 16),
    FT_FRAMENUM("Frame number", 4);

    private final String description;
    private final int width;

    FieldType(String description, int width) {
        this.description = description;
        this.width = width;
    }

    /** The name tshark uses in filter error messages, e.g. "Unsigned integer (2 bytes)". */
    public String description() {
        return description;
    }

    /** Width in bytes of integer, address and float types; 0 for variable-length types. */
    public int width() {
        return width;
    }

    public boolean isUnsigned() {
        return this == FT_CHAR || (ordinal() >= FT_UINT8.ordinal() && ordinal() <= FT_UINT64.ordinal())
                || this == FT_FRAMENUM;
    }

    public boolean isSigned() {
        return ordinal() >= FT_INT8.ordinal() && ordinal() <= FT_INT64.ordinal();
    }

    /** Integer-valued types, including booleans and frame numbers (values are {@code Long}). */
    public boolean isInteger() {
        return isUnsigned() || isSigned() || this == FT_BOOLEAN;
    }

    public boolean isString() {
        return this == FT_STRING || this == FT_STRINGZ;
    }

    public boolean isTime() {
        return this == FT_ABSOLUTE_TIME || this == FT_RELATIVE_TIME;
    }
}
