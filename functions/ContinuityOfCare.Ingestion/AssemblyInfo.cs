using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ContinuityOfCare.Ingestion.Tests")]
