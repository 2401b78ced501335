package dev.dossier.site;

import dev.dossier.cite.CitationRef;
import dev.dossier.cite.LocatedRef;
import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Position;
import dev.dossier.diag.Severity;
import dev.dossier.model.Block;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import dev.dossier.parse.ParsedDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed document and what parsing it said, as bytes for the build cache and back. A plain
 * field-by-field format rather than Java serialisation: the model's records hold Optionals, and
 * a cache file must never be able to name classes to load. Anything unexpected in the bytes
 * fails the read, and the document is parsed again.
 */
final class DocumentCodec {

  /** Changes whenever the layout below does. */
  static final int FORMAT = 4;

  /** What parsing one document gave. */
  record Entry(Optional<ParsedDocument> document, List<Diagnostic> diagnostics) {}

  private DocumentCodec() {}

  static byte[] encode(Entry entry) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeBoolean(entry.document().isPresent());
      if (entry.document().isPresent()) {
        writeDocument(out, entry.document().get());
      }
      diagnostics(out, entry.diagnostics());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static Entry decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != FORMAT) {
        throw new IOException("cache entry of another format");
      }
      Optional<ParsedDocument> document = in.readBoolean() ? Optional.of(readDocument(in)) : Optional.empty();
      List<Diagnostic> diagnostics = diagnostics(in);
      if (in.read() != -1) {
        throw new IOException("cache entry longer than its content");
      }
      return new Entry(document, diagnostics);
    } catch (RuntimeException e) {
      // A record's constructor refused a value, or an index was out of range: a bad entry.
      throw new IOException("unreadable cache entry: " + e.getMessage(), e);
    }
  }

  static void diagnostics(DataOutputStream out, List<Diagnostic> diagnostics) throws IOException {
    out.writeInt(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      string(out, d.path());
      out.writeInt(d.line());
      out.writeInt(d.column());
      out.writeByte(d.severity().ordinal());
      string(out, d.message());
      optional(out, d.hint());
    }
  }

  static List<Diagnostic> diagnostics(DataInputStream in) throws IOException {
    int count = count(in);
    List<Diagnostic> diagnostics = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      diagnostics.add(new Diagnostic(string(in), in.readInt(), in.readInt(), Severity.values()[in.readUnsignedByte()], string(in), optional(in)));
    }
    return diagnostics;
  }

  private static void writeDocument(DataOutputStream out, ParsedDocument parsed) throws IOException {
    Document d = parsed.document();
    string(out, d.path());
    string(out, d.format());
    out.writeInt(d.blocks().size());
    for (Block block : d.blocks()) {
      if (block instanceof Paragraph p) {
        out.writeByte('p');
        out.writeInt(p.number());
        string(out, p.text());
        // Most paragraphs' HTML is their text escaped: the entry keeps only what is more.
        optional(out, p.markup());
      } else if (block instanceof Subheading h) {
        out.writeByte('h');
        string(out, h.text());
        string(out, h.html());
        optional(out, h.direction());
      }
    }
    optional(out, d.title());
    optional(out, d.site());
    strings(out, d.authors());
    optional(out, d.published().map(DocumentCodec::date));
    optional(out, d.updated().map(OffsetDateTime::toString));
    optional(out, d.url());
    optional(out, d.dateline());
    strings(out, d.topics());
    out.writeInt(parsed.citations().size());
    for (LocatedRef located : parsed.citations()) {
      CitationRef ref = located.ref();
      string(out, ref.key());
      optional(out, ref.paragraph().map(String::valueOf));
      optional(out, ref.quote());
      out.writeInt(ref.offset());
      optional(out, ref.problem());
      string(out, located.at().path());
      out.writeInt(located.at().line());
      out.writeInt(located.at().column());
    }
    out.writeInt(parsed.topicsAt().size());
    for (Map.Entry<String, Position> topic : new TreeMap<>(parsed.topicsAt()).entrySet()) {
      string(out, topic.getKey());
      string(out, topic.getValue().path());
      out.writeInt(topic.getValue().line());
      out.writeInt(topic.getValue().column());
    }
  }

  private static ParsedDocument readDocument(DataInputStream in) throws IOException {
    String path = string(in);
    String format = string(in);
    int count = count(in);
    List<Block> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kind = in.readUnsignedByte();
      if (kind == 'p') {
        int number = in.readInt();
        String text = string(in);
        blocks.add(new Paragraph(number, text, optional(in)));
      } else if (kind == 'h') {
        blocks.add(new Subheading(string(in), string(in), optional(in)));
      } else {
        throw new IOException("unknown block kind " + kind);
      }
    }
    Document document = new Document(
        path,
        format,
        blocks,
        optional(in),
        optional(in),
        strings(in),
        optional(in).map(DocumentCodec::date),
        optional(in).map(OffsetDateTime::parse),
        optional(in),
        optional(in),
        strings(in));
    int refs = count(in);
    List<LocatedRef> citations = new ArrayList<>(refs);
    for (int i = 0; i < refs; i++) {
      CitationRef ref = new CitationRef(string(in), optional(in).map(Integer::valueOf), optional(in), in.readInt(), optional(in));
      citations.add(new LocatedRef(ref, new Position(string(in), in.readInt(), in.readInt())));
    }
    int topics = count(in);
    Map<String, Position> topicsAt = new HashMap<>();
    for (int i = 0; i < topics; i++) {
      topicsAt.put(string(in), new Position(string(in), in.readInt(), in.readInt()));
    }
    return new ParsedDocument(document, citations, topicsAt);
  }

  /** A date as its parts, since its text form does not keep an approximate range apart. */
  private static String date(DossierDate d) {
    return d.start() + " " + d.precision().name() + " " + d.approximate() + " " + d.end().map(LocalDate::toString).orElse("-");
  }

  private static DossierDate date(String s) {
    String[] parts = s.split(" ");
    return new DossierDate(
        LocalDate.parse(parts[0]),
        DossierDate.Precision.valueOf(parts[1]),
        Boolean.parseBoolean(parts[2]),
        parts[3].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(parts[3])));
  }

  static void string(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String string(DataInputStream in) throws IOException {
    return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
  }

  private static void optional(DataOutputStream out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      string(out, s.get());
    }
  }

  private static Optional<String> optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
  }

  static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      string(out, s);
    }
  }

  static List<String> strings(DataInputStream in) throws IOException {
    return read(in, DocumentCodec::string);
  }

  private static <T> List<T> read(DataInputStream in, Reader<T> item) throws IOException {
    int n = count(in);
    List<T> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      list.add(item.read(in));
    }
    return list;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** A length or count; a negative or absurd one means the bytes are not a cache entry. */
  static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad length " + n + " in cache entry");
    }
    return n;
  }
}
