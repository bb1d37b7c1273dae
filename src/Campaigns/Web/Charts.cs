using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Campaigns.Web;

public sealed record Bar(string Label, int Value, string Css = "bar");

public sealed record Series(string Label, IReadOnlyList<int> Values);

/// <summary>
/// Server-rendered SVG charts: no script, no library, readable labels, a title and description for screen readers.
/// Colours come from CSS classes (the CSP forbids style attributes). Each chart has a data table next to it on the page.
/// </summary>
public static class Charts
{
    private const int Width = 640;

    public static IHtmlContent HorizontalBars(string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        // Narrower than the column chart: it sits in half a page, and its labels must stay readable there.
        const int width = 420, labelWidth = 110, rowHeight = 34, top = 8, valueSpace = 40;
        var height = top * 2 + bars.Count * rowHeight;
        var max = Math.Max(1, bars.Max(b => b.Value));
        var plot = width - labelWidth - valueSpace;
        var svg = Open(id, title, description, height, width);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + i * rowHeight;
            var w = bar.Value == 0 ? 0 : Math.Max(2, (int)Math.Round(plot * (double)bar.Value / max));
            svg.Append($"<text x=\"{labelWidth - 8}\" y=\"{y + 21}\" text-anchor=\"end\">{E(bar.Label)}</text>");
            svg.Append($"<rect class=\"{E(bar.Css)}\" x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{w}\" height=\"{rowHeight - 10}\" rx=\"3\"><title>{E(bar.Label)}: {bar.Value}</title></rect>");
            svg.Append($"<text x=\"{labelWidth + w + 6}\" y=\"{y + 21}\">{bar.Value}</text>");
        }
        svg.Append($"<line class=\"axis\" x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{height - top}\"/>");
        return Close(svg);
    }

    /// <summary>Stacked columns, one per period (week), one colour per series (theme): class s0..s9.</summary>
    public static IHtmlContent StackedColumns(string id, string title, string description, IReadOnlyList<string> columns, IReadOnlyList<Series> series)
    {
        // Wide: it spans the page, so a wider drawing keeps its labels at reading size.
        const int width = 960, left = 40, right = 10, top = 14, bottom = 36, height = 250;
        var plotHeight = height - top - bottom;
        var plotWidth = width - left - right;
        var totals = columns.Select((_, i) => series.Sum(s => s.Values[i])).ToList();
        var max = NiceMax(totals.DefaultIfEmpty(0).Max());
        var svg = Open(id, title, description, height, width);

        foreach (var tick in new[] { 0, max / 2, max }.Distinct())
        {
            var y = top + plotHeight - (int)Math.Round(plotHeight * (double)tick / max);
            svg.Append($"<line class=\"grid\" x1=\"{left}\" y1=\"{y}\" x2=\"{width - right}\" y2=\"{y}\"/>");
            svg.Append($"<text class=\"small\" x=\"{left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{tick}</text>");
        }

        var slot = (double)plotWidth / Math.Max(1, columns.Count);
        var barWidth = Math.Max(4, (int)(slot * 0.68));
        var labelEvery = columns.Count > 20 ? 2 : 1;
        for (var c = 0; c < columns.Count; c++)
        {
            var x = left + (int)(slot * c + (slot - barWidth) / 2);
            var baseY = (double)(top + plotHeight);
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                if (value == 0) continue;
                var h = plotHeight * (double)value / max;
                baseY -= h;
                svg.Append(string.Create(CultureInfo.InvariantCulture,
                    $"<rect class=\"s{s % 10}\" x=\"{x}\" y=\"{baseY:0.#}\" width=\"{barWidth}\" height=\"{h:0.#}\"><title>{E(series[s].Label)}, {E(columns[c])}: {value}</title></rect>"));
            }
            if (totals[c] > 0)
                svg.Append(string.Create(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{x + barWidth / 2}\" y=\"{baseY - 3:0.#}\" text-anchor=\"middle\">{totals[c]}</text>"));
            if (c % labelEvery == 0)
                svg.Append($"<text class=\"small\" x=\"{x + barWidth / 2}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{E(columns[c])}</text>");
        }
        svg.Append($"<line class=\"axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width - right}\" y2=\"{top + plotHeight}\"/>");
        return Close(svg);
    }

    private static int NiceMax(int value) => value <= 4 ? 4 : value % 2 == 0 ? value : value + 1;

    private static StringBuilder Open(string id, string title, string description, int height, int width = Width) =>
        new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">")
            .Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
