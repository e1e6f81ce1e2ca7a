using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ContinuityOfCare.Core.Tests")]
