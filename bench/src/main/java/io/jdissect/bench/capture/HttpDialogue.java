package io.jdissect.bench.capture;

import java.nio.charset.StandardCharsets;

/**
 * The non-SMTP share of the capture: an HTTP/1.1 keep-alive connection (RFC 9112) with one to three
 * GET requests answered with Content-Length bodies of 200 bytes to 1 MB, closed by the client.
 */
final class HttpDialogue implements Dialogue {
    private static final String[] AGENTS = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36",
        "curl/7.88.1",
    };

    private final Corpus corpus;
    private final String host;
    private int requests;
    private boolean opened;
    private boolean closed;

    HttpDialogue(Corpus corpus, Host server) {
        this.corpus = corpus;
        this.host = server.name;
        this.requests = 1 + corpus.random().nextInt(3);
    }

    @Override
    public boolean isSmtp() {
        return false;
    }

    @Override
    public boolean next(TcpFlow flow, long epochSeconds) {
        if (!opened) {
            flow.open();
            opened = true;
        } else if (requests > 0) {
            requests--;
            exchange(flow);
        } else if (!closed) {
            flow.close(true);
            closed = true;
        } else {
            return false;
        }
        return true;
    }

    private void exchange(TcpFlow flow) {
        boolean text = corpus.chance(0.5);
        String path = "/" + corpus.word() + "/" + corpus.word() + "-" + corpus.random().nextInt(10000)
                + (text ? ".txt" : ".bin");
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: "
                + AGENTS[corpus.random().nextInt(AGENTS.length)] + "\r\nAccept: */*\r\nAccept-Encoding: identity\r\n"
                + "Connection: keep-alive\r\n\r\n";
        flow.send(true, request.getBytes(StandardCharsets.US_ASCII));
        int size = corpus.logUniform(200, 1 << 20);
        byte[] body;
        if (text) {
            StringBuilder b = new StringBuilder(size + 100);
            corpus.appendText(b, size);
            body = b.toString().getBytes(StandardCharsets.US_ASCII);
        } else {
            body = new byte[size];
            corpus.copyBinary(body, 0, size);
        }
        byte[] head = ("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: "
                + (text ? "text/plain; charset=utf-8" : "application/octet-stream") + "\r\nContent-Length: "
                + body.length + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[head.length + body.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        flow.send(false, response);
    }
}
