namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>
/// Small lists of very common given names and surnames: every person in the sample world is fictional, made by
/// combining them with random dates of birth and identifiers.
/// </summary>
internal static class SampleNames
{
    public static readonly string[] MaleForenames =
    [
        "Aaron", "Adam", "Ben", "Callum", "Carl", "Craig", "Daniel", "Darren", "Dean", "Gary", "Ian", "Jamie", "Jason",
        "Kevin", "Kyle", "Lee", "Liam", "Mark", "Martin", "Neil", "Owen", "Paul", "Ryan", "Scott", "Sean", "Stephen", "Wayne",
    ];

    public static readonly string[] FemaleForenames =
    [
        "Amy", "Claire", "Danielle", "Donna", "Emma", "Gemma", "Hayley", "Jade", "Joanne", "Kelly", "Laura", "Leanne",
        "Lisa", "Nicola", "Rachel", "Sarah", "Stacey", "Tracey", "Zoe",
    ];

    public static readonly string[] MaleMiddleNames = ["James", "John", "Lee", "Anthony", "Paul"];

    public static readonly string[] FemaleMiddleNames = ["Marie", "Louise", "Jane", "Ann"];

    public static readonly string[] Surnames =
    [
        "Allen", "Bailey", "Barker", "Brook", "Clarke", "Cooper", "Dawson", "Dixon", "Ellis", "Fletcher", "Foster",
        "Gibson", "Hall", "Harrison", "Hughes", "Jackson", "Kaye", "Lawson", "Marsh", "Mason", "Moss", "Parker",
        "Pearson", "Price", "Reid", "Robinson", "Shaw", "Stone", "Taylor", "Turner", "Walsh", "Webb", "Wood", "Wright",
        "O'Neill", "Smith-Hart",
    ];
}
