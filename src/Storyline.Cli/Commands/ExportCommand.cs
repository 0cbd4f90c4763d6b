using System.CommandLine;
using System.Text;
using Storyline.Cli.Storage;
using Storyline.Storage.Export;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline export --format jsonl|csv [--what articles|quotes|events|entities] [--db] [--out FILE]</c>: the store
/// as files for pandas or R (columns in <see cref="StoreExport.Columns"/>). With <c>--out</c> the file appears only
/// when the export is complete: a failed export never leaves half a file behind.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "jsonl (one object per line) or csv (with a header row).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var what = new Option<string>("--what", "-w")
        {
            Description = "articles (JSONL: the analysis JSON), quotes (date, speaker, text, direct, outlet, url, …), events (date, actor, type, target, location, article, outlet, sentence, …) or entities (mentions).",
            DefaultValueFactory = _ => "articles",
        };
        what.AcceptOnlyFromAmong("articles", "quotes", "events", "entities");
        var db = StoreLocation.Option();
        var outFile = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export stored articles, quotes, events or entity mentions as JSONL or CSV.") { format, what, db, outFile };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(db)!, Enum.Parse<ExportTable>(parse.GetValue(what)!, ignoreCase: true), Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true),
            parse.GetValue(outFile), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        string db, ExportTable what, ExportFormat format, string? outFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(db, create: false, error, cancellationToken);
        if (store is null)
        {
            return StoreLocation.ExitFailure;
        }

        if (outFile is null)
        {
            await StoreExport.WriteAsync(store, what, format, output, cancellationToken);
            return 0;
        }

        var full = Path.GetFullPath(outFile);
        var partial = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.partial");
        try
        {
            long rows;
            var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await using (writer)
            {
                rows = await StoreExport.WriteAsync(store, what, format, writer, cancellationToken);
            }

            File.Move(partial, full, overwrite: true);
            await error.WriteLineAsync($"storyline: {rows} {what.ToString().ToLowerInvariant()} rows written to {outFile}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            await error.WriteLineAsync($"storyline: cannot write {outFile}: {ex.Message}");
            return StoreLocation.ExitFailure;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }
}
