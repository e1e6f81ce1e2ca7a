using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ContinuityOfCare.Mail.Tests")]
