using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Routing;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// docs/plan.md "Court code": HMCTS publish lists without the court code (it travels as the upload's court id), and a
/// list as downloaded is still worth reading — the client's home team can be told without it. A listing without a
/// code takes the one given with its file (<see cref="PlanInputs.CourtCodes"/>), else the one the SPOC directory's
/// <c>court_names</c> give its court house; failing both it keeps none, and one warning per file and court house
/// names the court house, because routing to the court's CJIT will be skipped.
/// </summary>
internal static class CourtCodeResolver
{
    public static PlanInputs Resolve(PlanInputs inputs, DirectoryRoutes routes)
    {
        if (inputs.CourtListings.All(l => !string.IsNullOrWhiteSpace(l.CourtCode)))
        {
            return inputs;
        }

        var listings = new List<CourtListing>(inputs.CourtListings.Count);
        var warned = new HashSet<(string File, string Court)>();
        var warnings = new List<Rejection>();
        foreach (var listing in inputs.CourtListings)
        {
            if (!string.IsNullOrWhiteSpace(listing.CourtCode))
            {
                listings.Add(listing);
                continue;
            }

            var file = listing.Source.SourceFile;
            var code = inputs.CourtCodes?.GetValueOrDefault(file) is { Length: > 0 } given ? given.Trim().ToUpperInvariant() : routes.CourtCodeForName(listing.CourtName);
            if (code is not null)
            {
                listings.Add(listing with { CourtCode = code });
                continue;
            }

            listings.Add(listing with { CourtCode = null });
            var court = string.IsNullOrWhiteSpace(listing.CourtName) ? "(no court house name)" : listing.CourtName.Trim();
            if (warned.Add((file, court)))
            {
                warnings.Add(new Rejection(new SourceRef(file),
                    $"the court code of court house {court} is unknown: its listed clients' home teams are alerted, the court's CJIT is not " +
                    "(pass the court code with the file, or add the court house to court_names in the SPOC directory)", IsWarning: true));
            }
        }

        return inputs with { CourtListings = listings, Rejections = [.. inputs.Rejections, .. warnings] };
    }
}
