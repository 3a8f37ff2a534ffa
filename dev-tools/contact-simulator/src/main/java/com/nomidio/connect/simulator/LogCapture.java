package com.nomidio.connect.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The functions log JSON lines to stdout, as in Lambda. While the simulator runs, stdout is theirs: it is caught
 * here (per call, and copied to {@code copyTo} if given) and the original stdout kept for the transcript.
 */
final class LogCapture implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream call = new ByteArrayOutputStream();

    LogCapture(OutputStream copyTo) {
        this.original = System.out;
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (call) {
                    call.write(b);
                }
                copy(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (call) {
                    call.write(bytes, offset, length);
                }
                copy(bytes, offset, length);
            }

            private void copy(byte[] bytes, int offset, int length) {
                if (copyTo != null) {
                    synchronized (copyTo) {
                        try {
                            copyTo.write(bytes, offset, length);
                            copyTo.flush();
                        } catch (IOException e) {
                            // the copy is a convenience; the call's own capture is intact
                        }
                    }
                }
            }
        };
        System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
    }

    /** Starts a new call's log. */
    void reset() {
        synchronized (call) {
            call.reset();
        }
    }

    String callLog() {
        synchronized (call) {
            return call.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
