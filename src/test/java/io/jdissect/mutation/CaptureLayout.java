package io.jdissect.mutation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the length fields of a capture file are: pcap record lengths, pcapng block lengths (leading
 * and trailing), and inside each packet the IPv4 total length, the IPv6 payload length and the TCP
 * data offset, found by walking the file as a reader would. The mutator corrupts these on purpose,
 * because random bit flips rarely hit them and they are what readers and dissectors trust most.
 */
final class CaptureLayout {
    /**
     * A length field: its offset in the file, its size in bytes and byte order; a 4-bit field (the
     * IPv4 header length, the TCP data offset) has size 0 and the shift of its nibble in the byte.
     */
    record LengthField(int offset, int size, ByteOrder order, int nibbleShift) {
        LengthField(int offset, int size, ByteOrder order) {
            this(offset, size, order, 0);
        }

        static LengthField nibble(int offset, int shift) {
            return new LengthField(offset, 0, ByteOrder.BIG_ENDIAN, shift);
        }
    }

    private final List<LengthField> fields = new ArrayList<>();

    private CaptureLayout() {
    }

    static List<LengthField> of(byte[] file) {
        CaptureLayout layout = new CaptureLayout();
        if (file.length >= 24) {
            int magic = ByteBuffer.wrap(file, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            if (magic == 0x0A0D0D0A) {
                layout.walkPcapng(file);
            } else {
                layout.walkPcap(file);
            }
        }
        return layout.fields;
    }

    private void walkPcap(byte[] file) {
        int magic = ByteBuffer.wrap(file, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteOrder order;
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (Integer.reverseBytes(magic) == 0xA1B2C3D4 || Integer.reverseBytes(magic) == 0xA1B23C4D) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(order);
        int linkType = b.getInt(20) & 0xFFFF;
        fields.add(new LengthField(16, 4, order)); // snaplen
        int at = 24;
        while (at + 16 <= file.length) {
            fields.add(new LengthField(at + 8, 4, order));
            fields.add(new LengthField(at + 12, 4, order));
            long caplen = b.getInt(at + 8) & 0xFFFFFFFFL;
            int data = at + 16;
            if (caplen > file.length - data) {
                return;
            }
            walkPacket(file, data, (int) caplen, linkType);
            at = data + (int) caplen;
        }
    }

    private void walkPcapng(byte[] file) {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        List<Integer> linkTypes = new ArrayList<>();
        int at = 0;
        while (at + 12 <= file.length) {
            ByteBuffer b = ByteBuffer.wrap(file).order(order);
            int type = b.getInt(at);
            if (type == 0x0A0D0D0A) {
                order = b.getInt(at + 8) == 0x1A2B3C4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                b.order(order);
                linkTypes.clear();
            }
            long length = b.getInt(at + 4) & 0xFFFFFFFFL;
            if (length < 12 || length > file.length - at) {
                return;
            }
            fields.add(new LengthField(at + 4, 4, order));
            fields.add(new LengthField(at + (int) length - 4, 4, order));
            if (type == 1 && length >= 20) {
                linkTypes.add(b.getShort(at + 8) & 0xFFFF);
            } else if (type == 6 && length >= 32) {
                fields.add(new LengthField(at + 20, 4, order)); // captured length
                fields.add(new LengthField(at + 24, 4, order)); // original length
                int iface = b.getInt(at + 12);
                long caplen = b.getInt(at + 20) & 0xFFFFFFFFL;
                if (iface >= 0 && iface < linkTypes.size() && caplen <= length - 32) {
                    walkPacket(file, at + 28, (int) caplen, linkTypes.get(iface));
                }
            }
            at += (int) length;
        }
    }

    /** The network-layer offset of the link types the project reads, or -1. */
    private static int networkOffset(byte[] file, int data, int len, int linkType) {
        switch (linkType) {
            case 1: {
                int off = 12;
                while (off + 2 <= len && (u16(file, data + off) == 0x8100 || u16(file, data + off) == 0x88A8)) {
                    off += 4;
                }
                return off + 2;
            }
            case 0: case 108: return 4;
            case 101: case 12: case 228: case 229: return 0;
            case 113: return 16;
            case 276: return 20;
            default: return -1;
        }
    }

    private void walkPacket(byte[] file, int data, int len, int linkType) {
        int net = networkOffset(file, data, len, linkType);
        if (net < 0 || net >= len) {
            return;
        }
        int ip = data + net;
        int end = data + len;
        int version = (file[ip] & 0xFF) >> 4;
        int transport;
        int proto;
        if (version == 4 && ip + 20 <= end) {
            fields.add(new LengthField(ip + 2, 2, ByteOrder.BIG_ENDIAN));
            fields.add(LengthField.nibble(ip, 0)); // header length
            transport = ip + (file[ip] & 0x0F) * 4;
            proto = file[ip + 9] & 0xFF;
        } else if (version == 6 && ip + 40 <= end) {
            fields.add(new LengthField(ip + 4, 2, ByteOrder.BIG_ENDIAN));
            transport = ip + 40;
            proto = file[ip + 6] & 0xFF;
        } else {
            return;
        }
        if (proto == 6 && transport + 20 <= end) {
            fields.add(LengthField.nibble(transport + 12, 4)); // data offset
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
