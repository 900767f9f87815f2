package io.jdissect.bench.capture;

import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The words, names and content the synthetic traffic is made of, drawn once from the seed: pools of
 * text lines, base64 lines and random bytes that messages and HTTP bodies take slices of, so that a
 * gigabyte is generated in seconds and still varies from message to message.
 */
final class Corpus {
    private static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be this "
            + "have from or one had by word but not what all were we when your can said there use an each which she do "
            + "how their if will up other about out many then them these so some her would make like him into time has "
            + "look two more write go see number no way could people my than first water been call who oil its now find "
            + "long down day did get come made may part report invoice meeting project budget review quarterly update "
            + "schedule proposal contract delivery shipment order payment account summary draft release version server "
            + "backup network security policy training agenda minutes customer support ticket request approval team "
            + "office holiday travel expense figures forecast analysis results design specification migration").split(" ");
    private static final String[] FIRST = ("alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia "
            + "peggy rupert sybil trent victor walter wendy yusuf zoe maria jose wei li anna peter laura tom").split(" ");
    private static final String[] LAST = ("smith jones taylor brown williams wilson johnson davies robinson wright "
            + "thompson evans walker white roberts green hall wood jackson clarke muller schmidt garcia martin").split(" ");
    private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example.com",
        "corp.example.net", "lists.example.org", "shop.example.com", "news.example.net"};
    private static final String[] UNICODE_SUBJECTS = {"Grüße aus München", "Résumé de la réunion", "Überweisung März",
        "Café ☕ on Friday", "Zażółć gęślą jaźń", "Προσφορά", "Отчёт за квартал", "会议纪要"};

    private final SplittableRandom random;
    private final String[] textLines;
    private final String[] base64Lines;
    private final byte[] binary;

    Corpus(SplittableRandom random) {
        this.random = random;
        textLines = new String[20000];
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < textLines.length; i++) {
            line.setLength(0);
            int width = 20 + random.nextInt(57);
            while (line.length() < width) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word());
            }
            line.setCharAt(0, Character.toUpperCase(line.charAt(0)));
            textLines[i] = line.toString();
        }
        byte[] raw = new byte[768 * 1024];
        random.nextBytes(raw);
        String encoded = Base64.getMimeEncoder().encodeToString(raw);
        base64Lines = encoded.split("\r\n");
        binary = new byte[1 << 20];
        random.nextBytes(binary);
    }

    SplittableRandom random() {
        return random;
    }

    String word() {
        return pick(WORDS);
    }

    String words(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word());
        }
        return b.toString();
    }

    String firstName() {
        return pick(FIRST);
    }

    String lastName() {
        return pick(LAST);
    }

    String domain() {
        return pick(DOMAINS);
    }

    String unicodeSubject() {
        return pick(UNICODE_SUBJECTS);
    }

    String hex(int digits) {
        StringBuilder b = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }

    /** Text lines, CRLF-terminated, until at least {@code bytes} are appended; never a line starting with a dot. */
    void appendText(StringBuilder b, int bytes) {
        appendLines(b, textLines, bytes);
    }

    /** Base64 lines of 76 characters (RFC 2045 6.8), CRLF-terminated, until at least {@code bytes} are appended. */
    void appendBase64(StringBuilder b, int bytes) {
        appendLines(b, base64Lines, bytes);
    }

    /** {@code length} random bytes copied into {@code into} at {@code offset}. */
    void copyBinary(byte[] into, int offset, int length) {
        int from = random.nextInt(binary.length);
        while (length > 0) {
            int n = Math.min(length, binary.length - from);
            System.arraycopy(binary, from, into, offset, n);
            offset += n;
            length -= n;
            from = 0;
        }
    }

    /** A size between {@code min} and {@code max}, uniform in its logarithm: many small, a few large. */
    int logUniform(int min, int max) {
        return (int) Math.round(Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min))));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private void appendLines(StringBuilder b, String[] lines, int bytes) {
        int end = b.length() + bytes;
        int i = random.nextInt(lines.length);
        while (b.length() < end) {
            b.append(lines[i]).append("\r\n");
            i = (i + 1) % lines.length;
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
