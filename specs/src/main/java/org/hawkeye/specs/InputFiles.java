package org.hawkeye.specs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;

/**
 * Every file hawkeye reads goes through here: only regular files (a FIFO would block forever, {@code /dev/zero}
 * never ends), and no more than a stated number of bytes, each refusal one line naming the file.
 */
public final class InputFiles {
    /** A model: protobuf messages, and so ONNX files, are at most 2 GiB; Java arrays end just below. */
    public static final int MAX_MODEL_BYTES = Integer.MAX_VALUE - 64;
    /** A spec YAML file: the largest built-in framework.yaml is under 50 KB. */
    public static final int MAX_SPEC_BYTES = 4 << 20;
    /** A DRL rule file: the largest built-in one is under 20 KB. */
    public static final int MAX_RULE_BYTES = 1 << 20;

    private InputFiles() {
    }

    /** The file's bytes; {@code what} says what the file is for in messages ("model", "spec"). */
    public static byte[] readBytes(Path file, int maxBytes, String what) {
        String shown = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ProfilerException(shown, "no such file");
        } catch (IOException | SecurityException e) {
            throw new ProfilerException(shown, "cannot read (" + e.getMessage() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new ProfilerException(shown, "not a regular file (" + kind(attributes) + "): a " + what
                    + " must be a file");
        }
        if (attributes.size() > maxBytes) {
            throw tooBig(shown, what, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes);
            if (in.read() >= 0) {
                throw tooBig(shown, what, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new ProfilerException(shown, "cannot read (" + e.getMessage() + ")");
        }
    }

    /** The file as UTF-8 text; bytes that are not UTF-8 are an error rather than silently replaced. */
    public static String readText(Path file, int maxBytes, String what) {
        byte[] bytes = readBytes(file, maxBytes, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProfilerException(file.toString(), "not UTF-8 text: a " + what + " must be UTF-8");
        }
    }

    /**
     * Refuses an existing path that is neither a regular file nor a character device ({@code /dev/null} is fine):
     * opening a FIFO nobody reads blocks the write forever.
     */
    public static void checkWritable(Path file, String option) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return; // absent: it will be created
        }
        if (!attributes.isRegularFile() && !isCharacterDevice(file)) {
            throw new ProfilerException(file.toString(), option + ": not a regular file (" + kind(attributes)
                    + "): give a file to write");
        }
    }

    private static boolean isCharacterDevice(Path file) {
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode") & 0170000) == 0020000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static String kind(BasicFileAttributes a) {
        return a.isDirectory() ? "a folder" : a.isSymbolicLink() ? "a link" : "a device, pipe or socket";
    }

    private static ProfilerException tooBig(String shown, String what, int maxBytes) {
        return new ProfilerException(shown, "too large for a " + what + " (hawkeye reads at most "
                + human(maxBytes) + ")");
    }

    private static String human(long bytes) {
        return bytes >= 1 << 30 ? (bytes >> 30) + " GiB" : bytes >= 1 << 20 ? (bytes >> 20) + " MiB"
                : (bytes >> 10) + " KiB";
    }
}
