package io.jdissect.dissect;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KaitaiTvbTest {
    @Test
    void bitFieldsReadAsTheRuntimeReadsThem() {
        Random random = new Random(9);
        for (int round = 0; round < 20_000; round++) {
            byte[] data = new byte[24];
            random.nextBytes(data);
            KaitaiStream runtime = new ByteBufferKaitaiStream(ByteBuffer.wrap(data));
            KaitaiStream ours = new KaitaiTvb.BitFieldStream(ByteBuffer.wrap(data));
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
}
