using System.Net;
using System.Text;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>Small HTML building blocks; every value passes through <see cref="WebUtility.HtmlEncode(string)"/> here.</summary>
internal static class HtmlFragments
{
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static void RowHeaderAndCells(StringBuilder html, string header, params string?[] cells)
    {
        html.Append("<tr><th scope=\"row\">").Append(Encode(header)).Append("</th>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(string.IsNullOrWhiteSpace(cell) ? "—" : Encode(cell)).Append("</td>");
        }

        html.Append("</tr>\n");
    }
}
