using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ContinuityOfCare.Storage.Tests")]
