using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ContinuityOfCare.Cli.Tests")]
