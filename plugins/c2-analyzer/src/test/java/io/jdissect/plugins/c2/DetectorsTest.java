package io.jdissect.plugins.c2;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detection pieces on their own: entropy, random tokens, encoded blobs, bodies, beacons, options. */
class DetectorsTest {
    @Test
    void shannonEntropyInBitsPerCharacter() {
        assertEquals(0.0, Entropy.shannon(""));
        assertEquals(0.0, Entropy.shannon("aaaa"));
        assertEquals(1.0, Entropy.shannon("aabb"));
        assertEquals(2.0, Entropy.shannon("abcd"));
        assertEquals(4.0, Entropy.shannon("0123456789abcdef"));
    }

    @Test
    void classChangesSeparateRandomTokensFromWords() {
        assertEquals(0.0, Entropy.classChangeRatio("internationalization"));
        assertEquals(1.0, Entropy.classChangeRatio("a1B2c3"));
        assertTrue(Entropy.classChangeRatio("Vertragsunterlagen") < RandomTokens.MIN_CLASS_CHANGES);
    }

    @Test
    void randomTokensOfSubjects() {
        RandomTokens t = new RandomTokens(16, 3.5);
        assertEquals(List.of(), t.find("Quarterly_Report_2023_Final_v2 and Projektbesprechung internationalization"));
        assertEquals(List.of(), t.find("Invoice INV-2023-004512, IMG_20230512_143022.jpg"));
        assertEquals(List.of(), t.find("测试邮件主题非常长的中文标题没有空格也不应该被标记"));
        List<RandomTokens.Token> found = t.find("Re: job kq3Xv9TzLmR8pW2aZ7bQ done");
        assertEquals(1, found.size());
        assertEquals("kq3Xv9TzLmR8pW2aZ7bQ", found.get(0).text());
        assertEquals("base64", found.get(0).looksLike());
        assertEquals("hex", t.find("id 9f86d081884c7d659a2feaa0c55ad015").get(0).looksLike());
        assertEquals(List.of(), new RandomTokens(21, 3.5).find("kq3Xv9TzLmR8pW2aZ7bQ")); // 20 characters
        assertEquals(List.of(), new RandomTokens(16, 4.5).find("kq3Xv9TzLmR8pW2aZ7bQ")); // 4.32 bits
    }

    @Test
    void encodedRunsInHeaderValues() {
        String b64 = "Y21kPXdob2FtaTtpZD03ZjNhO2hvc3Q9V1MtMDA0Mg==";
        List<EncodedRuns.Run> runs = EncodedRuns.find("v=1; data=" + b64 + "; end", 40);
        assertEquals(1, runs.size());
        assertEquals(new EncodedRuns.Run("base64", 10, b64), runs.get(0));
        assertEquals("cmd=whoami;id=7f3a;host=WS-0042", runs.get(0).decodedPreview());
        EncodedRuns.Run hex = EncodedRuns.find("sum " + "776f726b" .repeat(6), 40).get(0);
        assertEquals("hex", hex.encoding());
        assertEquals("workworkworkworkworkwork", hex.decodedPreview());
        assertEquals(List.of(), EncodedRuns.find("/usr/share/doc/packages/documentation/index", 40));
        assertEquals(List.of(), EncodedRuns.find("ThisIsAVeryLongCamelCaseIdentifierWithoutDigits", 40));
        assertEquals(List.of(), EncodedRuns.find(b64, 45));
    }

    @Test
    void bodiesSkipDeclaredBase64AndFindUndeclaredBlobs() {
        String blob = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=";
        String message = String.join("\r\n",
                "From: a@b", "Content-Type: multipart/mixed; boundary=\"outer\"", "",
                "preamble " + blob,
                "--outer", "Content-Type: multipart/alternative; boundary=inner", "",
                "--inner", "Content-Type: text/plain", "", "Hello,", blob.substring(0, 44), blob.substring(44), "Bye",
                "--inner--",
                "--outer", "Content-Type: application/zip", "Content-Transfer-Encoding: base64", "", blob, blob,
                "--outer--", "epilogue " + blob, "");
        List<MessageBodies.BodyBlob> found = MessageBodies.find(message.getBytes(StandardCharsets.ISO_8859_1), 60);
        assertEquals(1, found.size());
        assertEquals("text/plain", found.get(0).contentType());
        assertEquals(blob, found.get(0).run().text()); // the two lines joined
        assertEquals(message.indexOf("Hello,\r\n") + 8, found.get(0).offset());
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", found.get(0).run().decodedPreview());
        assertEquals(List.of(), MessageBodies.find("Subject: x\r\n\r\nJust words here.\r\n".getBytes(StandardCharsets.ISO_8859_1), 20));
    }

    @Test
    void beaconsAreRegularRepeatedSessions() {
        Beacons b = new Beacons();
        for (int i = 0; i < 5; i++) {
            b.session("10.0.0.1", "192.0.2.1:25", new Beacons.Start(i, 10 * i + 1, 1000 + 300 * i + (i % 2) * 3));
            b.session("10.0.0.2", "192.0.2.1:25", new Beacons.Start(100 + i, 1000 + i, 1000 + i * i * 100));
        }
        List<Beacons.Beacon> found = b.find(4, 0.1, 5);
        assertEquals(1, found.size());
        assertEquals("10.0.0.1", found.get(0).client());
        assertEquals(300.0, found.get(0).meanInterval(), 1e-9);
        assertEquals(3.0, found.get(0).stdDev(), 1e-9); // intervals 303, 297, 303, 297
        assertEquals(List.of(), b.find(6, 0.1, 5));
        assertEquals(List.of(), b.find(4, 0.1, 301));
    }

    @Test
    void beaconsKeepBoundedState() {
        Beacons b = new Beacons();
        for (int i = 0; i < Beacons.MAX_PAIRS + 10; i++) {
            b.session("10.0.0." + (i % 250), "192.0.2.1:" + i, new Beacons.Start(i, i, i));
        }
        for (int i = 0; i < Beacons.MAX_SESSIONS_PER_PAIR + 50; i++) {
            b.session("10.9.9.9", "192.0.2.2:25", new Beacons.Start(i, i, 60.0 * i));
        }
        List<Beacons.Beacon> found = b.find(4, 0.1, 5);
        assertEquals(1, found.size());
        assertEquals(Beacons.MAX_SESSIONS_PER_PAIR, found.get(0).sessions().size());
    }

    @Test
    void options() {
        C2Options o = C2Options.parse("entropy=4.2,min-length=20,ports=25:2525,ignore-headers=X-Foo:X-Bar-*,severity=low");
        assertEquals(4.2, o.entropy());
        assertEquals(20, o.minLength());
        assertTrue(o.standardPort(2525) && !o.standardPort(587));
        assertTrue(o.ignored("x-bar-baz") && o.ignored("X-FOO") && !o.ignored("X-Foo2") && !o.ignored("X-MS-Exchange"));
        assertEquals(Severity.LOW, o.minSeverity());
        assertTrue(C2Options.parse("").ignored("X-MS-Exchange-Organization-SCL"));
        assertEquals("c2: unknown argument \"entropie\" (known: entropy, min-length, blob, body-blob, beacon-sessions, "
                + "beacon-cv, beacon-interval, ports, ignore-headers, passwords, format, severity)",
                assertThrows(IllegalArgumentException.class, () -> C2Options.parse("entropie=3")).getMessage());
        assertEquals("c2: entropy needs a number, got \"high\"",
                assertThrows(IllegalArgumentException.class, () -> C2Options.parse("entropy=high")).getMessage());
        assertEquals("c2: port out of range: 70000",
                assertThrows(IllegalArgumentException.class, () -> C2Options.parse("ports=25:70000")).getMessage());
        assertEquals("c2: expected key=value, got \"verbose\"",
                assertThrows(IllegalArgumentException.class, () -> C2Options.parse("verbose")).getMessage());
        assertEquals("c2: beacon-cv must be positive",
                assertThrows(IllegalArgumentException.class, () -> C2Options.parse("beacon-cv=0")).getMessage());
    }
}
