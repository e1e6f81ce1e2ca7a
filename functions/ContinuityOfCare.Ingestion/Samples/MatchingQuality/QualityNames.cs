namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>
/// The names of the matching quality world (docs/benchmarks.md "Matching quality"): common English and Welsh
/// surnames and forenames first, with the spellings the folding rules are about (apostrophes, hyphens, accents,
/// Mc/Mac, St), then invented names for the long tail. Every person made from them is fictional.
/// </summary>
internal static class QualityNames
{
    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
        "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
        "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
        "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
        "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster",
        "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer",
        "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Dixon",
        "Fletcher", "Howard", "O'Brien", "O'Neill", "O'Connor", "D'Souza", "McDonald", "MacDonald", "McLean", "MacKenzie",
        "McCarthy", "St John", "St Clair", "Llewellyn-Jones", "Smith-Hart", "Bowes-Lyon", "Núñez", "Kowalska", "Wójcik",
        "Müller", "Ní Bhriain", "Ó Súilleabháin", "Van der Berg", "De Souza", "Le Roux", "Pryce-Evans", "McAllister",
    ];

    public static readonly string[] MaleForenames =
    [
        "John", "David", "Michael", "Paul", "Andrew", "Mark", "James", "Richard", "Peter", "Robert", "Stephen", "Christopher",
        "Daniel", "Thomas", "Matthew", "Anthony", "William", "Steven", "Lee", "Jonathan", "Ian", "Kevin", "Gary", "Craig",
        "Martin", "Simon", "Ryan", "Adam", "Darren", "Neil", "Jason", "Scott", "Carl", "Dean", "Wayne", "Liam", "Jamie", "Ben",
        "Sean", "Aaron", "Kyle", "Callum", "Jordan", "Joshua", "Nathan", "Luke", "Connor", "Philip", "Nicholas", "Alexander",
        "Samuel", "Gareth", "Rhys", "Owen", "Dylan", "Mohammed", "Ahmed", "Tom", "Jon", "Mike", "Steve", "Rob", "Chris", "Dan",
        "Iain", "José", "Łukasz", "Zbigniew", "Siôn", "Geoffrey", "Jeffrey", "Tony", "Matt", "Nick", "Alex", "Phil", "Jim",
    ];

    public static readonly string[] FemaleForenames =
    [
        "Sarah", "Emma", "Claire", "Laura", "Lisa", "Rebecca", "Nicola", "Kelly", "Karen", "Joanne", "Michelle", "Rachel",
        "Amy", "Samantha", "Louise", "Victoria", "Jennifer", "Helen", "Stacey", "Hayley", "Gemma", "Donna", "Leanne", "Tracey",
        "Katherine", "Catherine", "Kate", "Elizabeth", "Charlotte", "Jessica", "Hannah", "Sophie", "Chloe", "Danielle",
        "Natalie", "Jade", "Zoe", "Kirsty", "Margaret", "Susan", "Julie", "Angela", "Dawn", "Amanda", "Carly", "Siân",
        "Zoë", "Żofia", "Renée", "Aoife", "Niamh", "Fatima", "Aisha", "Sara", "Becky", "Vicky", "Jo", "Beth", "Katie",
        "Kathryn", "Tracy", "Stacy", "Lianne", "Joanna",
    ];

    public static readonly string[] SurnameStarts = ["Ash", "Brad", "Carr", "Dun", "Elm", "Fair", "Gold", "Hart", "Ing", "Kirk", "Lang", "Marl", "North", "Oak", "Pen", "Rad", "Shel", "Thorn", "Upp", "Wick", "Yar", "Bram", "Cran", "Hol", "Stan"];

    public static readonly string[] SurnameMiddles = ["a", "e", "i", "o", "ing", "er", "en", "el", "ow", "ar", "ey", "ith"];

    public static readonly string[] SurnameEnds = ["by", "ton", "ley", "worth", "field", "ford", "ham", "wood", "well", "stone", "more", "dale", "wick", "thorpe", "cote", "bury"];

    public static readonly string[] ForenameStarts = ["Al", "Bel", "Cal", "Dar", "El", "Fin", "Gil", "Hal", "Is", "Jas", "Kel", "Lor", "Mar", "Nor", "Or", "Per", "Ros", "Sel", "Tam", "Val"];

    public static readonly string[] ForenameMiddles = ["a", "e", "i", "o", "an", "en", "in"];

    public static readonly string[] MaleForenameEnds = ["n", "ric", "ton", "vin", "mond", "rick", "ward", "ius"];

    public static readonly string[] FemaleForenameEnds = ["na", "la", "ia", "ette", "ine", "elle", "issa", "ora"];
}
