package io.jdissect.dissect;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import org.junit.jupiter.api.Test;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ArrayKaitaiStream reads what runtime 0.11's ByteBufferKaitaiStream reads, from a window of a bigger array. */
class ArrayKaitaiStreamTest {
    @Test
    void bitFieldsReadAsTheRuntimeReadsThem() {
        Random random = new Random(9);
        ArrayKaitaiStream ours = new ArrayKaitaiStream();
        for (int round = 0; round < 20_000; round++) {
            byte[] data = new byte[30];
            random.nextBytes(data);
            KaitaiStream runtime = new ByteBufferKaitaiStream(ByteBuffer.wrap(data, 3, 26).slice());
            ours.reset(data, 3, 26); // reused, as a dissector reuses it
            int bitsRead = 0;
            while (bitsRead < 120) {
                // bit fields of any width, now and then a whole byte or an alignment in between
                int choice = random.nextInt(10);
                if (choice == 0) {
                    runtime.alignToByte();
                    ours.alignToByte();
                    bitsRead = (bitsRead + 7) / 8 * 8;
                } else if (choice == 1) {
                    assertEquals(runtime.readU2be(), ours.readU2be());
                    bitsRead = (bitsRead + 7) / 8 * 8 + 16;
                } else {
                    int n = 1 + random.nextInt(choice == 2 ? 64 : 16);
                    assertEquals(runtime.readBitsIntBe(n), ours.readBitsIntBe(n), "round " + round + " n " + n);
                    bitsRead += n;
                }
                assertEquals(runtime.pos(), ours.pos());
            }
        }
    }

    @Test
    void numbersAndBytesReadAsTheRuntimeReadsThem() {
        Random random = new Random(11);
        ArrayKaitaiStream ours = new ArrayKaitaiStream();
        for (int round = 0; round < 5_000; round++) {
            byte[] data = new byte[80];
            random.nextBytes(data);
            int start = random.nextInt(8);
            data[start + 50] = 0; // a terminator for readBytesTerm
            KaitaiStream runtime = new ByteBufferKaitaiStream(ByteBuffer.wrap(data, start, 64).slice());
            ours.reset(data, start, 64);
            assertEquals(runtime.size(), ours.size());
            while (runtime.pos() < 40) {
                int pos = runtime.pos();
                switch (random.nextInt(14)) {
                    case 0 -> assertEquals(runtime.readU1(), ours.readU1());
                    case 1 -> assertEquals(runtime.readS1(), ours.readS1());
                    case 2 -> assertEquals(runtime.readU2be(), ours.readU2be());
                    case 3 -> assertEquals(runtime.readU2le(), ours.readU2le());
                    case 4 -> assertEquals(runtime.readS2be(), ours.readS2be());
                    case 5 -> assertEquals(runtime.readS2le(), ours.readS2le());
                    case 6 -> assertEquals(runtime.readU4be(), ours.readU4be());
                    case 7 -> assertEquals(runtime.readU4le(), ours.readU4le());
                    case 8 -> assertEquals(runtime.readS4be(), ours.readS4be());
                    case 9 -> assertEquals(runtime.readS4le(), ours.readS4le());
                    case 10 -> assertEquals(runtime.readS8be(), ours.readS8be());
                    case 11 -> assertEquals(runtime.readS8le(), ours.readS8le());
                    case 12 -> {
                        int n = random.nextInt(6);
                        assertArrayEquals(runtime.readBytes(n), ours.readBytes(n));
                    }
                    default -> {
                        runtime.seek(pos + 1);
                        ours.seek(pos + 1);
                    }
                }
                assertEquals(runtime.pos(), ours.pos(), "round " + round);
                assertEquals(runtime.isEof(), ours.isEof());
            }
            if (random.nextBoolean()) {
                assertArrayEquals(runtime.readBytesTerm((byte) 0, false, true, true), ours.readBytesTerm((byte) 0, false, true, true));
            } else {
                assertArrayEquals(runtime.readBytesFull(), ours.readBytesFull());
            }
            assertEquals(runtime.pos(), ours.pos());
            assertEquals(runtime.isEof(), ours.isEof());
        }
    }

    @Test
    void readingPastTheWindowFailsAsTheRuntimeDoes() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        KaitaiStream runtime = new ByteBufferKaitaiStream(ByteBuffer.wrap(data, 1, 3).slice());
        ArrayKaitaiStream ours = new ArrayKaitaiStream().reset(data, 1, 3);
        assertEquals(runtime.readU2be(), ours.readU2be());
        assertThrows(BufferUnderflowException.class, runtime::readU2be);
        assertThrows(BufferUnderflowException.class, ours::readU2be);
    }
}
