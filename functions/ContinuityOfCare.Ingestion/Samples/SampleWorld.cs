using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>
/// A consistent fictional world in the hub's input types. Each input record's <see cref="SourceRef.SourceFile"/> is
/// the file (relative to the output folder) <see cref="SampleFileWriter"/> puts it in.
/// </summary>
/// <param name="Directory">The SPOC directory: every CJIT, prison SMT, the probation service and the regional team used.</param>
/// <param name="Clients">The client register.</param>
/// <param name="Listings">Court list entries (Magistrates and Crown).</param>
/// <param name="Results">Court results.</param>
/// <param name="Discharges">Prison discharge export rows.</param>
public sealed record SampleWorld(
    IReadOnlyList<DirectoryEntry> Directory,
    IReadOnlyList<Client> Clients,
    IReadOnlyList<CourtListing> Listings,
    IReadOnlyList<CourtResult> Results,
    IReadOnlyList<DischargeMovement> Discharges);
