using System.IO.Compression;
using System.Text;

namespace Storyline.Tagging;

/// <summary>
/// The container of a trained model: a magic number, a kind ("pos", "ner"), text metadata (how it was trained) and
/// named binary sections, Brotli-compressed. Readers ask for the sections they need by name.
/// </summary>
public sealed class ModelFile
{
    private const uint Magic = 0x4D4C5453; // "STLM"
    private const int FormatVersion = 1;

    public ModelFile(string kind) => Kind = kind;

    public string Kind { get; }

    public SortedDictionary<string, string> Info { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, byte[]> Sections { get; } = new(StringComparer.Ordinal);

    public void SetSection(string name, Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        Sections[name] = buffer.ToArray();
    }

    public T ReadSection<T>(string name, Func<BinaryReader, T> read)
    {
        if (!Sections.TryGetValue(name, out var bytes))
        {
            throw new InvalidDataException($"model '{Kind}' has no section '{name}'");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        return read(reader);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Write(file);
    }

    public void Write(Stream stream)
    {
        using var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(FormatVersion);
        header.Write(Kind);
        header.Flush();
        using var compressed = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(compressed, Encoding.UTF8, leaveOpen: true);
        writer.Write(Info.Count);
        foreach (var (key, value) in Info)
        {
            writer.Write(key);
            writer.Write(value);
        }

        writer.Write(Sections.Count);
        foreach (var (name, bytes) in Sections)
        {
            writer.Write(name);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }

    public static ModelFile Load(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    public static ModelFile Read(Stream stream)
    {
        using var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (header.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Storyline model file");
        }

        var version = header.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"model format {version} is not supported (expected {FormatVersion})");
        }

        var model = new ModelFile(header.ReadString());
        using var decompressed = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(decompressed, Encoding.UTF8, leaveOpen: true);
        var infoCount = reader.ReadInt32();
        for (var i = 0; i < infoCount; i++)
        {
            var key = reader.ReadString();
            model.Info[key] = reader.ReadString();
        }

        var sectionCount = reader.ReadInt32();
        for (var i = 0; i < sectionCount; i++)
        {
            var name = reader.ReadString();
            var length = reader.ReadInt32();
            model.Sections[name] = reader.ReadBytes(length);
        }

        return model;
    }
}
