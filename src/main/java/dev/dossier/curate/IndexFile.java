package dev.dossier.curate;

import dev.dossier.diag.Position;
import dev.dossier.load.DossierFolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The dossier's {@code index.yml} on disk: read exactly as written, and replaced whole. */
final class IndexFile {

  private IndexFile() {}

  /** The index's text, byte for byte (line endings and byte-order mark included); empty if there is none. */
  static Optional<String> read(Path dir) throws IOException, Refusal {
    Path index = dir.resolve(DossierFolder.INDEX);
    if (!Files.exists(index)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(index)) {
      throw Refusal.content(Position.file(index.toString()), "the index is not a file", "the dossier's index.yml must be a YAML file");
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(index)))
              .toString());
    } catch (CharacterCodingException e) {
      throw Refusal.content(Position.file(index.toString()), "the index is not UTF-8 text", "re-save it as UTF-8");
    }
  }

  /**
   * Replaces the index (or creates it) with a complete new text: written beside it, then moved
   * into place, so a reader sees the old index or the new one and never half of one. An existing
   * index keeps its permissions.
   */
  static Path replace(Path dir, String text) throws IOException {
    Path index = dir.resolve(DossierFolder.INDEX);
    Path staging = Files.createTempFile(dir, ".index-", ".yml");
    try {
      Files.writeString(staging, text, StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(
            staging,
            Files.exists(index) ? Files.getPosixFilePermissions(index) : PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(staging, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(staging);
    }
    return index;
  }
}
